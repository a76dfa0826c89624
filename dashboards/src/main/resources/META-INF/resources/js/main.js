// Wires the overview page: filters -> one data load -> cards, charts and table; live pushes
// and the poll only ask for a refresh. Test hooks: body[data-state], body[data-render-count],
// window.pulseCharts.
import { t } from './i18n.js';
import { initLanguageSwitch, renderLive } from './header.js';
import { defaultRange, isIsoDate, bucketsBetween } from './dates.js';
import { loadDashboard } from './api.js';
import { totalsByRep, totalsByRepAndTeam, seriesByBucket } from './aggregate.js';
import { createCharts, showLoading, hideLoading, renderByRep, renderByDay, formatCount } from './charts.js';
import { renderRepTable } from './table.js';
import { formatMoney } from './dom.js';
import { startLive } from './live.js';

const $ = (id) => document.getElementById(id);
const filterEls = { from: $('filter-from'), to: $('filter-to'), team: $('filter-team'), granularity: $('filter-granularity') };

const charts = createCharts($('chart-by-rep'), $('chart-by-day'));
window.pulseCharts = charts;

let last = null;        // last successful load, re-drawn as is when the language changes
let lastError = null;   // shown until the next successful load
let controller = null;  // the load in flight
let rerun = false;      // a live change arrived while loading: load once more afterwards
let liveStatus = 'connecting';
let updatedAt = null;

// ---- filters -------------------------------------------------------------------------------

function initFilters() {
  const params = new URLSearchParams(location.search);
  const range = defaultRange(14);
  filterEls.from.value = isIsoDate(params.get('from')) ? params.get('from') : range.from;
  filterEls.to.value = isIsoDate(params.get('to')) ? params.get('to') : range.to;
  const g = params.get('granularity');
  filterEls.granularity.value = ['day', 'week', 'month'].includes(g) ? g : 'day';
  if (params.get('team')) fillTeams([params.get('team')], params.get('team'));
  orderDates();
}

function readFilters() {
  const { from, to, team, granularity } = filterEls;
  return { from: from.value, to: to.value, teamId: team.value, granularity: granularity.value };
}

// Keep from <= to by moving the other end, rather than sending the API an empty range.
function orderDates(changed) {
  const { from, to } = filterEls;
  if (from.value && to.value && from.value > to.value) {
    if (changed === from) to.value = from.value; else from.value = to.value;
  }
  to.min = from.value;
  from.max = to.value;
}

function onFilterChange(event) {
  orderDates(event.target);
  const f = readFilters();
  if (!isIsoDate(f.from) || !isIsoDate(f.to)) return; // half-typed date: wait for a whole one
  // The URL carries the filters so a manager can bookmark or share the view.
  const params = new URLSearchParams({ from: f.from, to: f.to, granularity: f.granularity });
  if (f.teamId) params.set('team', f.teamId);
  history.replaceState(null, '', `?${params}`);
  requestRefresh({ filtersChanged: true });
}

/** Rebuilds the team options only when the list changed, so an open dropdown is not reset. */
function fillTeams(teamIds, selected = filterEls.team.value) {
  const ids = [...new Set([...teamIds, ...(selected ? [selected] : [])])].filter(Boolean).sort();
  const current = [...filterEls.team.options].slice(1).map((o) => o.value);
  if (ids.join('\n') === current.join('\n')) return;
  const all = filterEls.team.options[0];
  filterEls.team.replaceChildren(all, ...ids.map((id) => new Option(id, id)));
  filterEls.team.value = selected;
}

// ---- loading -------------------------------------------------------------------------------

function requestRefresh({ filtersChanged = false } = {}) {
  if (controller && !filtersChanged) {
    rerun = true;
    return;
  }
  controller?.abort(); // answers for the old filters would only be thrown away
  load(filtersChanged);
}

async function load(withSpinner) {
  const mine = (controller = new AbortController());
  const filters = readFilters();
  if (withSpinner) showLoading(charts);
  try {
    const data = await loadDashboard(filters, mine.signal);
    if (mine !== controller) return;
    last = { filters, data };
    lastError = null;
    updatedAt = new Date();
    render();
  } catch (err) {
    if (mine.signal.aborted) return;
    // Log once per run of failures: the poll would otherwise repeat it every 15 s.
    if (!lastError) console.error('Pulse: loading the reports failed', err);
    lastError = err;
    document.body.dataset.state = 'error';
    renderError();
  } finally {
    if (mine === controller) {
      controller = null;
      hideLoading(charts);
      if (rerun) {
        rerun = false;
        load(false);
      }
    }
  }
}

// ---- rendering -----------------------------------------------------------------------------

function render() {
  renderError();
  renderLive(liveStatus, updatedAt);
  renderTrendHeading(last?.filters ?? readFilters());
  if (!last) return;
  const { filters, data } = last;
  fillTeams(data.teams);
  renderTotals(data.summary);
  $('total-duplicates').textContent = formatCount(data.openDuplicates ?? '—');
  $('total-stale').textContent = formatCount(data.openAlerts ?? '—');
  renderByRep(charts.byRep, totalsByRep(data.repRows));
  const trend = seriesByBucket(data.trendRows, bucketsBetween(filters.from, filters.to, filters.granularity),
    (row) => (filters.teamId ? row.repId : row.teamId ?? null));
  renderByDay(charts.byDay, trend, (key) => key ?? t('noTeam'));
  renderRepTable($('rep-table-body'), totalsByRepAndTeam(data.repRows));
  document.body.dataset.renderCount = String(Number(document.body.dataset.renderCount || 0) + 1);
  // A redraw for a language switch must not hide a failure that is still going on.
  document.body.dataset.state = lastError ? 'error' : 'ready';
}

// The heading follows the data on screen, not the filters of a load still in flight.
function renderTrendHeading({ granularity, teamId }) {
  $('by-day-title').textContent = t(`byDayTitle_${granularity}`);
  $('by-day-hint').textContent = teamId ? t('byDayHintReps', { team: teamId }) : t('byDayHintTeams');
}

function renderTotals(summary) {
  const count = (n) => (typeof n === 'number' ? formatCount(n) : '—');
  $('total-followups').textContent = count(summary.followUps);
  $('total-reps').textContent = count(summary.activeReps);
  $('total-teams').textContent = count(summary.teams);
  $('total-customer-touches').textContent = count(summary.customerTouches);
  $('total-sales').textContent = count(summary.sales);
  $('total-revenue').textContent = formatMoney(summary.revenue, summary.currency || 'CNY');
}

function renderError() {
  const box = $('error-message');
  box.hidden = !lastError;
  box.textContent = lastError ? t('loadError', { detail: lastError.message }) : '';
}

// ---- start ---------------------------------------------------------------------------------

initFilters();
initLanguageSwitch(render);
for (const el of Object.values(filterEls)) el.addEventListener('change', onFilterChange);
window.addEventListener('resize', () => {
  charts.byRep.resize();
  charts.byDay.resize();
});
// "duplicates" and "alerts" too: they change the flag and customers-to-call cards but no activity figure.
startLive(requestRefresh, (status) => {
  liveStatus = status;
  renderLive(liveStatus, updatedAt);
}, ['activity', 'duplicates', 'alerts']);
requestRefresh({ filtersChanged: true });
