// Wires the overview page: filters -> one data load -> cards, charts and table; live pushes
// and the poll only ask for a refresh. Test hooks: body[data-state], body[data-render-count],
// window.pulseCharts.
import { t } from './i18n.js';
import { initLanguageSwitch } from './header.js';
import { bucketsBetween } from './dates.js';
import { createFilterBar, setUrlParam } from './filter-bar.js';
import { loadDashboard } from './api.js';
import { totalsByRep, totalsByRepAndTeam, seriesByBucket } from './aggregate.js';
import { createCharts, renderByRep, renderByDay, formatCount } from './charts.js';
import { renderRepTable } from './table.js';
import { formatRevenue } from './dom.js';
import { createRefresh } from './refresh.js';

const $ = (id) => document.getElementById(id);
const GRANULARITIES = ['day', 'week', 'month'];
const granularityEl = $('filter-granularity');

const charts = createCharts($('chart-by-rep'), $('chart-by-day'));
window.pulseCharts = charts;

const page = createRefresh({
  charts,
  load: async (signal) => {
    const filters = { ...(await filterBar.read(signal)), granularity: granularityEl.value };
    return { filters, data: await loadDashboard(filters, signal) };
  },
  what: 'the reports',
  draw,
});

// ---- filters -------------------------------------------------------------------------------

// Range, team and rep: the shared bar (js/filter-bar.js); the line chart's granularity is this page's own.
const filterBar = createFilterBar({
  defaultRange: 'last_7_days',
  onChange: () => page.requestRefresh({ restart: true, spinner: true }),
});

function initGranularity() {
  const g = new URLSearchParams(location.search).get('granularity');
  granularityEl.value = GRANULARITIES.includes(g) ? g : 'day';
  granularityEl.addEventListener('change', () => {
    setUrlParam('granularity', granularityEl.value, 'day');
    page.requestRefresh({ restart: true, spinner: true });
  });
}

function currentFilters() {
  return { ...filterBar.current(), granularity: granularityEl.value };
}

// ---- rendering -----------------------------------------------------------------------------

function draw(last) {
  renderTrendHeading(last?.filters ?? currentFilters());
  if (!last) return;
  const { filters, data } = last;
  renderTotals(data.summary);
  $('total-duplicates').textContent = formatCount(data.openDuplicates ?? '—');
  $('total-stale').textContent = formatCount(data.openAlerts ?? '—');
  renderByRep(charts.byRep, totalsByRep(data.repRows));
  const trend = seriesByBucket(data.trendRows, bucketsBetween(filters.from, filters.to, filters.granularity),
    (row) => (filters.teamId || filters.repId || data.trendByRep ? row.repId : row.teamId ?? null));
  renderByDay(charts.byDay, trend, (key) => key ?? t('noTeam'));
  renderRepTable($('rep-table-body'), totalsByRepAndTeam(data.repRows));
}

// The heading follows the data on screen, not the filters of a load still in flight.
function renderTrendHeading({ granularity, teamId, repId }) {
  $('by-day-title').textContent = t(`byDayTitle_${granularity}`);
  if (repId) $('by-day-hint').textContent = t('byDayHintRep', { rep: repId });
  else $('by-day-hint').textContent = teamId ? t('byDayHintReps', { team: teamId }) : t('byDayHintTeams');
}

function renderTotals(summary) {
  const count = (n) => (typeof n === 'number' ? formatCount(n) : '—');
  $('total-followups').textContent = count(summary.followUps);
  $('total-reps').textContent = count(summary.activeReps);
  $('total-teams').textContent = count(summary.teams);
  $('total-customer-touches').textContent = count(summary.customerTouches);
  $('total-sales').textContent = count(summary.sales);
  $('total-revenue').textContent = formatRevenue(summary.revenueByCurrency);
}

// ---- start ---------------------------------------------------------------------------------

initGranularity();
initLanguageSwitch(page.render);
window.addEventListener('resize', () => {
  charts.byRep.resize();
  charts.byDay.resize();
});
// "duplicates" and "alerts" too: they change the flag and customers-to-call cards but no activity figure.
page.live(['activity', 'duplicates', 'alerts']);
page.requestRefresh({ restart: true, spinner: true });
