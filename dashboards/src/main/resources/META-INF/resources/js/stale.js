// Wires the customers-to-call page: one load (open alerts + recently resolved) -> chart, filter
// choices, table and list; filters and sorting only redraw, they never refetch. Live pushes
// ("alerts", "activity") and the poll only ask for a refresh, which also reloads an open history.
// Test hooks: body[data-state], body[data-render-count], window.pulseCharts.byRep (and .backtest,
// with #backtest[data-state]).
import { t } from './i18n.js';
import { initLanguageSwitch } from './header.js';
import { loadStale } from './api.js';
import { createFilterBar, setUrlParam } from './filter-bar.js';
import { ALERT_KINDS, alertsByRep } from './aggregate.js';
import { createAlertsByRepChart, formatCount, renderAlertsByRep } from './charts.js';
import { createHistoryPanel } from './history.js';
import { translated, unchanged } from './dom.js';
import {
  DEFAULT_SORT, SORT_KEYS, filterChoices, filterRows, nextSort, renderResolved, renderSortHeadings,
  renderStaleTable, sortRows,
} from './stale-table.js';
import { createRefresh } from './refresh.js';
import { createBacktestPanel } from './backtest.js';

const $ = (id) => document.getElementById(id);
// Team, rep and source: the shared bar (js/filter-bar.js), asked of the API; kind and stage are this page's own.
const filterEls = { kind: $('filter-kind'), stage: $('filter-stage') };

const charts = { byRep: createAlertsByRepChart($('chart-by-rep')) };
// The backtest is asked for on its own button, never by the page's refresh.
const backtest = createBacktestPanel($('backtest'));
window.pulseCharts = { ...charts, backtest: backtest.chart };

const filters = { kind: '', stage: '' };
let sort = { ...DEFAULT_SORT };
// The last successful load is re-drawn as is on a kind, stage, sort or language change.
const page = createRefresh({
  charts,
  load: async (signal) => {
    const bar = await filterBar.read(signal);
    return { ...(await loadStale(bar, signal)), bar };
  },
  what: 'the customers to call',
  draw,
});
const filterBar = createFilterBar({ onChange: () => page.requestRefresh({ restart: true, spinner: true }) });

// The customer whose follow-ups the side panel shows; choosing one marks it in the table.
const customerHistory = createHistoryPanel({ hintKey: 'staleHistoryHint', onSelect: () => page.render() });

// ---- filters and sorting -------------------------------------------------------------------

function initFilters() {
  const params = new URLSearchParams(location.search);
  for (const name of Object.keys(filters)) filters[name] = params.get(name) ?? '';
  if (!ALERT_KINDS.includes(filters.kind)) filters.kind = '';
  filterEls.kind.value = filters.kind; // fixed choices; the others are filled once the data is in
  if (SORT_KEYS.includes(params.get('sort'))) {
    sort = { key: params.get('sort'), dir: params.get('dir') === 'asc' ? 'asc' : 'desc' };
  }
  for (const [name, select] of Object.entries(filterEls)) {
    select.addEventListener('change', () => setView({ filters: { [name]: select.value } }));
  }
  // One listener on the heading row: a click anywhere on a heading, or Enter on its button.
  $('stale-table').tHead.addEventListener('click', (event) => {
    const th = event.target.closest('th[data-sort]');
    if (th) setView({ sort: nextSort(sort, th.dataset.sort) });
  });
}

function setView(change) {
  Object.assign(filters, change.filters ?? {});
  if (change.sort) sort = change.sort;
  // The URL carries the view (the bar's filters beside these) so a manager can bookmark or share it.
  for (const [name, value] of Object.entries(filters)) setUrlParam(name, value, '');
  const sorted = sort.key !== DEFAULT_SORT.key || sort.dir !== DEFAULT_SORT.dir;
  setUrlParam('sort', sorted ? sort.key : '', '');
  setUrlParam('dir', sorted ? sort.dir : '', '');
  page.render();
}

/**
 * Offers what the open alerts contain, plus the current choice even when no alert has it any
 * more (so a filter never silently resets). Rebuilt only when the choices or the language changed,
 * so an open dropdown is not reset by the poll.
 */
function fillSelect(select, values, labelOf) {
  const selected = filters[Object.keys(filterEls).find((name) => filterEls[name] === select)];
  const all = [...new Set([...values, ...(selected ? [selected] : [])])];
  if (!unchanged(select, all)) {
    select.replaceChildren(select.options[0], ...all.map((value) => new Option(labelOf(value), value)));
  }
  select.value = selected;
}

function renderFilters(rows) {
  const choices = filterChoices(rows);
  fillSelect(filterEls.stage, choices.stages, (code) => translated('stage', code));
  filterEls.kind.value = filters.kind;
}

// ---- loading -------------------------------------------------------------------------------

/** A live change: the alerts and the open history may both have moved. */
function refreshAll() {
  page.requestRefresh();
  customerHistory.refresh();
}

// ---- rendering -----------------------------------------------------------------------------

function draw(last) {
  renderSortHeadings($('stale-table').tHead, sort);
  customerHistory.render();
  if (!last) return;
  const { rows, resolved } = last;
  renderFilters(rows);
  // The chart shows every open alert of the bar's filters whatever the kind and stage: it is where a manager picks a rep.
  renderAlertsByRep(charts.byRep, alertsByRep(rows));
  const shown = sortRows(filterRows(rows, filters), sort);
  const filtered = [...Object.values(filters), last.bar.teamId, last.bar.repId, last.bar.source].some(Boolean);
  $('stale-count').textContent = filtered
    ? t('alertsShown', { shown: formatCount(shown.length), total: formatCount(rows.length) })
    : t('alertsTotal', { total: formatCount(rows.length) });
  renderStaleTable($('stale-table-body'), shown, {
    selectedCustomer: customerHistory.customerId,
    onCustomer: customerHistory.show,
    emptyKey: filtered ? 'noMatchingAlerts' : 'noOpenAlerts',
  });
  renderResolved($('resolved-list'), resolved, {
    selectedCustomer: customerHistory.customerId,
    onCustomer: customerHistory.show,
  });
}

// ---- start ---------------------------------------------------------------------------------

initFilters();
initLanguageSwitch(() => {
  page.render();
  backtest.render();
});
// A click on a bar shows the customers it counts: that rep's open alerts of that kind (the chart counts
// every kind and stage, so both are set to the bar's), as many as the bar.
charts.byRep.on('click', (params) => {
  setView({ filters: { kind: params.seriesId, stage: '' } });
  filterBar.choose('rep', String(params.name));
});
window.addEventListener('resize', () => {
  charts.byRep.resize();
  backtest.resize();
});
// "activity" too: a follow-up resolves an alert and belongs in an open history at once.
page.live(['alerts', 'activity'], refreshAll);
page.requestRefresh({ spinner: true });
// An alert's link (?customer=ID, from the group robots' messages) opens that customer's history.
const linkedCustomer = new URLSearchParams(location.search).get('customer');
if (linkedCustomer) customerHistory.show(linkedCustomer);
