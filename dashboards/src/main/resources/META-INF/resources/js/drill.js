// Every number traceable: a click on a figure (a card, a bar, a funnel stage, a table cell) opens
// the list behind it — the follow-ups, sales or customers it counts — in one dialog shared by
// every page, with the list's length, its first rows and CSV/XLSX links. The API counts the list
// with the figure's own definition, so the length shown is the figure. Everything in the rows was
// typed by someone: it goes in as text only. Test hooks: #drill-dialog[open], #drill-total
// [data-total], #drill-rows tr.
import { t } from './i18n.js';
import { el, timeEl, formatShortTime, formatMoney, formatPercent, translated } from './dom.js';
import { formatCount } from './charts.js';
import { drillExportUrl, loadDrill } from './api.js';

const text = (key) => (row) => row[key] ?? '—';
const time = (key) => (row) => timeEl(row[key], formatShortTime);

const count = (key) => (row) => formatCount(row[key]);
const activity = (idKey) => ({
  columns: [[idKey, text('id')], ['drillColFollowUps', count('followUps')], ['drillColCustomers', count('customers')]],
});

const SALE_COLUMNS = [
  ['drillColOrder', text('orderId')], ['colCustomer', text('customerId')], ['colRep', text('repId')],
  ['drillColProduct', text('product')], ['drillColAmount', (row) => formatMoney(row.amount, row.currency)],
  ['drillColTime', time('occurredAt')],
];

/**
 * The lists: the columns each shows (a dictionary key for the heading, the cell of a row), and
 * where it is read and exported when not at /api/v1/drill/{list} and /api/v1/exports/drill/{list}.
 * A list read from a report's own .../customers endpoint answers {rows}, all of them.
 */
const LISTS = {
  'follow-ups': { columns: [
    ['colCustomer', text('customerName')], ['colRep', text('repId')], ['colTeam', text('teamId')],
    ['drillColTime', time('occurredAt')], ['drillColChannel', (row) => translated('channel', row.channel)],
    ['drillColStage', (row) => translated('stage', row.stage)],
  ] },
  // a goal's new customers, each as its first follow-up ever
  'new-customers': { columns: [
    ['colCustomer', text('customerName')], ['colRep', text('repId')], ['colTeam', text('teamId')],
    ['drillColFirst', time('occurredAt')], ['drillColStage', (row) => translated('stage', row.stage)],
  ] },
  sales: { columns: SALE_COLUMNS },
  // the velocity's average deal: every sale of the cohort's customers won now
  'won-sales': { columns: SALE_COLUMNS },
  // a rep-conversion row's revenue: every sale of the cohort's customers the rep owns
  'cohort-sales': { columns: SALE_COLUMNS },
  funnel: { columns: [
    ['colCustomer', text('customerName')], ['colRep', text('ownerRep')], ['colTeam', text('ownerTeam')],
    ['drillColStage', (row) => translated('stage', row.stage)], ['drillColFirst', time('firstFollowUpAt')],
    ['drillColLast', time('lastFollowUpAt')],
  ] },
  // the win rate's denominator: the cohort's customers won or lost now, each with its outcome
  decided: { path: '/api/v1/drill/funnel', exportPath: '/api/v1/exports/drill/funnel', columns: [
    ['colCustomer', text('customerName')], ['colRep', text('ownerRep')], ['colTeam', text('ownerTeam')],
    ['drillColOutcome', (row) => translated('stage', row.stage)], ['drillColFirst', time('firstFollowUpAt')],
    ['drillColLast', time('lastFollowUpAt')],
  ] },
  // a transition count: one row per stage change, a customer who made it twice twice
  'stage-transitions': { columns: [
    ['colCustomer', text('customerName')], ['colRep', text('ownerRep')], ['colTeam', text('ownerTeam')],
    ['drillColFrom', (row) => translated('stage', row.fromStage)], ['drillColTo', (row) => translated('stage', row.toStage)],
    ['drillColTime', time('occurredAt')],
  ] },
  // a stage's time in stage: the customers it measures, longest first
  'time-in-stage': { columns: [
    ['colCustomer', text('customerName')], ['colRep', text('ownerRep')], ['colTeam', text('ownerTeam')],
    ['drillColEntered', time('enteredAt')], ['drillColLeft', time('leftAt')], ['colDays', count('days')],
  ] },
  reps: activity('colRep'),
  teams: activity('colTeam'),
  touches: { columns: [
    ['drillColDay', text('day')], ['colRep', text('repId')], ['colTeam', text('teamId')],
    ['colCustomer', (row) => row.customerName ?? row.customerId], ['drillColFollowUps', count('followUps')],
  ] },
  // the cohort's closed customers of a cycle-length bar, its days cut as the bar's
  cycle: { path: '/api/v1/reports/cycle-length/customers', exportPath: '/api/v1/exports/cycle-length/customers', columns: [
    ['colCustomer', text('customerName')], ['colRep', text('ownerRep')], ['colTeam', text('ownerTeam')],
    ['colDays', count('days')],
  ] },
  lost: { path: '/api/v1/reports/lost-reasons/customers', exportPath: '/api/v1/exports/lost-reasons/customers', columns: [
    ['colCustomer', text('customerName')], ['colRep', text('ownerRep')], ['colTeam', text('ownerTeam')],
    ['lostGroupBy_stage', (row) => translated('stage', row.lostFrom)], ['colLostReason', text('lostReason')],
  ] },
  forecast: { path: '/api/v1/reports/forecast/customers', exportPath: '/api/v1/exports/forecast/customers', columns: [
    ['colCustomer', text('customerName')], ['colRep', text('ownerRep')], ['colStage', (row) => translated('stage', row.stage)],
    ['colCloseDate', text('expectedCloseDate')], ['colPipeline', (row) => formatMoney(row.expectedAmount, row.currency)],
    ['colProbability', (row) => formatPercent(row.probability)], ['colWeighted', (row) => formatMoney(row.weighted, row.currency)],
  ] },
  // a stage-probability row's reached or won: the customers who reached the stage in the learning window
  'stage-reached': {
    path: '/api/v1/reports/forecast/stage-probabilities/customers',
    exportPath: '/api/v1/exports/forecast/stage-probabilities/customers',
    columns: [
      ['colCustomer', text('customerName')], ['colRep', text('ownerRep')], ['colTeam', text('ownerTeam')],
      ['drillColReachedAt', time('reachedAt')], ['drillColStageAtEnd', (row) => translated('stage', row.stage)],
    ],
  },
  // the customers to call: the stale list itself, one row per open alert
  // the pool customers of a bar the filter bar cannot choose (no team)
  pool: { path: '/api/v1/reports/pool', exportPath: '/api/v1/exports/pool', columns: [
    ['colCustomer', (row) => row.customerName ?? row.customerId], ['drillColStage', (row) => translated('stage', row.stage)],
    ['colReleasedFrom', text('releasedFromRepId')], ['colReleasedAt', time('releasedAt')],
  ] },
  // the open duplicate flags behind the overview's card
  duplicates: { path: '/api/v1/reports/duplicates', exportPath: '/api/v1/exports/duplicates', columns: [
    ['flagType', (row) => translated('typeShort', row.type)], ['drillColCustomers', (row) => (row.customerIds || []).join(' ')],
    ['colRep', (row) => (row.repIds || []).join(' ')], ['drillColTime', time('firstSeenAt')],
  ] },
  stale: { path: '/api/v1/reports/stale-customers', exportPath: '/api/v1/exports/stale-customers', columns: [
    ['colCustomer', (row) => row.customerName ?? row.customerId], ['colRep', text('repId')], ['colTeam', text('teamId')],
    ['drillColStage', (row) => translated('stage', row.stage)], ['colKind', (row) => translated('kind', row.kind)],
    ['colLastFollowUp', time('lastFollowUpAt')],
  ] },
};

let dialog = null;

function ensureDialog() {
  if (dialog) return dialog;
  const close = el('button', { type: 'button', className: 'button', textContent: t('close') });
  close.addEventListener('click', () => dialog.close());
  dialog = el('dialog', { id: 'drill-dialog', className: 'dialog drill-dialog' },
    el('h2', { id: 'drill-title' }),
    el('p', { id: 'drill-total', className: 'drill-total' }),
    el('div', { className: 'table-wrap drill-table' },
      el('table', {}, el('thead', {}, el('tr', { id: 'drill-head' })), el('tbody', { id: 'drill-rows' }))),
    el('p', { id: 'drill-more', className: 'hint' }),
    el('div', { className: 'dialog-actions' },
      el('a', { id: 'drill-csv', className: 'button', download: '', textContent: t('exportCsv') }),
      el('a', { id: 'drill-xlsx', className: 'button', download: '', textContent: t('exportXlsx') }),
      close));
  dialog.setAttribute('aria-labelledby', 'drill-title');
  document.body.append(dialog);
  return dialog;
}

/**
 * Opens the list behind a figure. list: a key of LISTS; params: the report's filters
 * and the figure's coordinates; caption: what the figure is, as the page names it.
 */
export async function openDrill(list, params, caption) {
  const box = ensureDialog();
  const $ = (id) => box.querySelector(`#${id}`);
  $('drill-title').textContent = caption;
  $('drill-total').textContent = t('loading');
  delete $('drill-total').dataset.total;
  $('drill-rows').replaceChildren();
  $('drill-more').textContent = '';
  const spec = LISTS[list];
  const exportPath = spec.exportPath ?? `/api/v1/exports/drill/${list}`;
  $('drill-head').replaceChildren(...spec.columns.map(([key]) => el('th', { scope: 'col', textContent: t(key) })));
  $('drill-csv').href = drillExportUrl(exportPath, 'csv', params);
  $('drill-xlsx').href = drillExportUrl(exportPath, 'xlsx', params);
  if (!box.open) box.showModal();
  try {
    const page = await loadDrill(spec.path ?? `/api/v1/drill/${list}`, params);
    $('drill-total').textContent = t('drillTotal', { n: formatCount(page.total) });
    $('drill-total').dataset.total = String(page.total);
    $('drill-rows').replaceChildren(...page.rows.map((row) => el('tr', {},
      ...spec.columns.map(([, cell]) => el('td', {}, cell(row))))));
    $('drill-more').textContent = page.total > page.rows.length
      ? t('drillMore', { shown: formatCount(page.rows.length), n: formatCount(page.total) }) : '';
  } catch (err) {
    $('drill-total').textContent = t('drillFailed', { detail: err.detail || err.message });
  }
}

/** Makes a figure's element open its list on click or Enter, and says so to a screen reader. */
export function drillable(element, open) {
  element.classList.add('drillable');
  element.tabIndex = 0;
  element.setAttribute('role', 'button');
  element.title = t('drillHint');
  element.addEventListener('click', open);
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open();
    }
  });
}
