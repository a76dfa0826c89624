// Wires the customers-to-call page: one load (open alerts + recently resolved) -> chart, filter
// choices, table and list; filters and sorting only redraw, they never refetch. Live pushes
// ("alerts", "activity") and the poll only ask for a refresh, which also reloads an open history.
// Test hooks: body[data-state], body[data-render-count], window.pulseCharts.byRep.
import { t } from './i18n.js';
import { initLanguageSwitch, renderLive } from './header.js';
import { loadStale } from './api.js';
import { ALERT_KINDS, alertsByRep } from './aggregate.js';
import { createAlertsByRepChart, formatCount, hideLoading, renderAlertsByRep, showLoading } from './charts.js';
import { createHistoryPanel } from './history.js';
import { translated, unchanged } from './dom.js';
import {
  DEFAULT_SORT, SORT_KEYS, filterChoices, filterRows, nextSort, renderResolved, renderSortHeadings,
  renderStaleTable, sortRows,
} from './stale-table.js';
import { startLive } from './live.js';

const $ = (id) => document.getElementById(id);
const filterEls = { rep: $('filter-rep'), team: $('filter-team'), kind: $('filter-kind'), stage: $('filter-stage') };

const charts = { byRep: createAlertsByRepChart($('chart-by-rep')) };
window.pulseCharts = charts;

const filters = { rep: '', team: '', kind: '', stage: '' };
let sort = { ...DEFAULT_SORT };
let last = null;        // last successful load, re-drawn as is on a filter, sort or language change
let lastError = null;   // shown until the next successful load
let controller = null;  // the load in flight
let rerun = false;      // a live change arrived while loading: load once more afterwards
let liveStatus = 'connecting';
let updatedAt = null;

// The customer whose follow-ups the side panel shows; choosing one marks it in the table.
const customerHistory = createHistoryPanel({ hintKey: 'staleHistoryHint', onSelect: () => render() });

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
  // The URL carries the view so a manager can bookmark or share it.
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
  if (sort.key !== DEFAULT_SORT.key || sort.dir !== DEFAULT_SORT.dir) {
    params.set('sort', sort.key);
    params.set('dir', sort.dir);
  }
  const qs = params.toString();
  history.replaceState(null, '', qs ? `?${qs}` : location.pathname);
  render();
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
  fillSelect(filterEls.rep, choices.reps, (id) => id);
  fillSelect(filterEls.team, choices.teams, (id) => id);
  fillSelect(filterEls.stage, choices.stages, (code) => translated('stage', code));
  filterEls.kind.value = filters.kind;
}

// ---- loading -------------------------------------------------------------------------------

/** A live change: the alerts and the open history may both have moved. */
function refreshAll() {
  requestRefresh();
  customerHistory.refresh();
}

function requestRefresh() {
  if (controller) {
    rerun = true;
    return;
  }
  load();
}

async function load() {
  const mine = (controller = new AbortController());
  try {
    const data = await loadStale(mine.signal);
    if (mine !== controller) return;
    last = data;
    lastError = null;
    updatedAt = new Date();
    render();
  } catch (err) {
    if (mine.signal.aborted) return;
    // Log once per run of failures: the poll would otherwise repeat it every 15 s.
    if (!lastError) console.error('Pulse: loading the customers to call failed', err);
    lastError = err;
    document.body.dataset.state = 'error';
    renderError();
  } finally {
    if (mine === controller) {
      controller = null;
      hideLoading(charts);
      if (rerun) {
        rerun = false;
        load();
      }
    }
  }
}

// ---- rendering -----------------------------------------------------------------------------

function render() {
  renderError();
  renderLive(liveStatus, updatedAt);
  renderSortHeadings($('stale-table').tHead, sort);
  customerHistory.render();
  if (!last) return;
  const { rows, resolved } = last;
  renderFilters(rows);
  // The chart shows every open alert whatever the filters: it is where a manager picks a rep.
  renderAlertsByRep(charts.byRep, alertsByRep(rows));
  const shown = sortRows(filterRows(rows, filters), sort);
  const filtered = Object.values(filters).some(Boolean);
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
  document.body.dataset.renderCount = String(Number(document.body.dataset.renderCount || 0) + 1);
  // A redraw for a language switch must not hide a failure that is still going on.
  document.body.dataset.state = lastError ? 'error' : 'ready';
}

function renderError() {
  const box = $('error-message');
  box.hidden = !lastError;
  box.textContent = lastError ? t('loadError', { detail: lastError.message }) : '';
}

// ---- start ---------------------------------------------------------------------------------

initFilters();
initLanguageSwitch(render);
// A click on a bar shows that rep's customers.
charts.byRep.on('click', (params) => setView({ filters: { rep: String(params.name) } }));
window.addEventListener('resize', () => charts.byRep.resize());
// "activity" too: a follow-up resolves an alert and belongs in an open history at once.
startLive(refreshAll, (status) => {
  liveStatus = status;
  renderLive(liveStatus, updatedAt);
}, ['alerts', 'activity']);
showLoading(charts);
requestRefresh();
