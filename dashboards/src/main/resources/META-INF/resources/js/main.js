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
import { drillable, openDrill } from './drill.js';

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

// ---- every number traceable ------------------------------------------------------------------
// A figure opens the follow-ups or sales it counts, for the filters it was drawn with.

function initDrill() {
  const shown = () => page.last?.filters;
  const scope = ({ from, to, teamId, repId, source }) => ({ from, to, teamId, repId, source });
  drillable($('total-followups'), () => shown() && openDrill('follow-ups', scope(shown()), t('drillFollowUps')));
  drillable($('total-sales'), () => shown() && openDrill('sales', scope(shown()), t('drillSales')));
  drillable($('total-reps'), () => shown() && openDrill('reps', scope(shown()), t('drillReps')));
  drillable($('total-teams'), () => shown() && openDrill('teams', scope(shown()), t('drillTeams')));
  drillable($('total-customer-touches'), () => shown() && openDrill('touches', scope(shown()), t('drillTouches')));
  // the revenue is the sum of the sales list's amounts, per currency
  drillable($('total-revenue'), () => shown() && openDrill('sales', scope(shown()), t('drillRevenue')));
  // the card links to the page of the customers to call; its figure opens the same list here
  drillable($('total-stale'), (event) => {
    event?.preventDefault();
    const { teamId, repId, source } = shown() || {};
    if (shown()) openDrill('stale', { teamId, repId, source }, t('openAlerts'));
  });
  // likewise the open duplicate flags: the card links to their page, its figure opens them here
  drillable($('total-duplicates'), (event) => {
    event?.preventDefault();
    const { teamId, repId, source } = shown() || {};
    if (shown()) openDrill('duplicates', { teamId, repId, source }, t('openDuplicateFlags'));
  });
  // a bar is one rep's follow-ups on one channel (the series)
  charts.byRep.on('click', (point) => shown() && openDrill('follow-ups',
    { ...scope(shown()), repId: point.name, channel: point.seriesId },
    t('drillFollowUpsOn', { who: point.name, channel: point.seriesName })));
  // A click anywhere in a bucket's column picks the line drawn nearest to it: a line's small
  // symbols are a hard target, and the axis tooltip already reads the whole column.
  charts.byDay.getZr().on('click', (event) => {
    const last = page.last;
    const chart = charts.byDay;
    const at = [event.offsetX, event.offsetY];
    if (!last || !chart.containPixel('grid', at)) return;
    const option = chart.getOption();
    const index = Math.round(chart.convertFromPixel({ xAxisIndex: 0 }, at[0]));
    const bucket = option.xAxis[0].data[index];
    const nearest = (option.series || []).map((series, i) => ({
      series, distance: Math.abs(chart.convertToPixel({ seriesIndex: i }, [index, series.data[index] ?? 0])[1] - at[1]),
    })).sort((a, b) => a.distance - b.distance)[0];
    // the point sums whole periods (a week or month may reach past the filters), so its list does too
    const row = last.data.trendRows.find((r) => r.bucket === bucket);
    const key = nearest ? JSON.parse(nearest.series.id) : null;
    if (!row || key == null) return;
    const byRep = last.filters.teamId || last.filters.repId || last.data.trendByRep;
    const who = byRep ? { repId: key, teamId: last.filters.teamId } : { teamId: key };
    openDrill('follow-ups', { from: row.periodStart, to: row.periodEnd, source: last.filters.source, ...who },
      t('drillFollowUpsIn', { who: key, period: bucket }));
  });
  $('rep-table-body').addEventListener('click', (event) => {
    const tr = event.target.closest('td.drillable')?.parentElement;
    if (!tr || !shown()) return;
    const { from, to, source } = shown();
    openDrill('follow-ups', { from, to, source, repId: tr.dataset.rep, teamId: tr.dataset.team },
      t('drillFollowUpsOf', { who: `${tr.dataset.rep} · ${tr.dataset.team}` }));
  });
}

// ---- start ---------------------------------------------------------------------------------

initGranularity();
initDrill();
initLanguageSwitch(page.render);
window.addEventListener('resize', () => {
  charts.byRep.resize();
  charts.byDay.resize();
});
// "duplicates" and "alerts" too: they change the flag and customers-to-call cards but no activity figure.
page.live(['activity', 'duplicates', 'alerts']);
page.requestRefresh({ restart: true, spinner: true });
