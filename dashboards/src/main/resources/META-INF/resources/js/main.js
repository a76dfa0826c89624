// Wires the overview page: filters -> one data load -> cards, charts and table; live pushes
// and the poll only ask for a refresh. Test hooks: body[data-state], body[data-render-count],
// window.pulseCharts.
import { t } from './i18n.js';
import { initLanguageSwitch } from './header.js';
import { defaultRange, isIsoDate, bucketsBetween } from './dates.js';
import { loadDashboard } from './api.js';
import { totalsByRep, totalsByRepAndTeam, seriesByBucket } from './aggregate.js';
import { createCharts, renderByRep, renderByDay, formatCount } from './charts.js';
import { renderRepTable } from './table.js';
import { formatRevenue } from './dom.js';
import { createRefresh } from './refresh.js';
import { drillable, openDrill } from './drill.js';

const $ = (id) => document.getElementById(id);
const filterEls = { from: $('filter-from'), to: $('filter-to'), team: $('filter-team'), granularity: $('filter-granularity') };

const charts = createCharts($('chart-by-rep'), $('chart-by-day'));
window.pulseCharts = charts;

const page = createRefresh({
  charts,
  load: async (signal) => {
    const filters = readFilters();
    return { filters, data: await loadDashboard(filters, signal) };
  },
  what: 'the reports',
  draw,
});

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
  page.requestRefresh({ restart: true, spinner: true });
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

// ---- rendering -----------------------------------------------------------------------------

function draw(last) {
  renderTrendHeading(last?.filters ?? readFilters());
  if (!last) return;
  const { filters, data } = last;
  fillTeams(data.teams);
  renderTotals(data.summary);
  $('total-duplicates').textContent = formatCount(data.openDuplicates ?? '—');
  $('total-stale').textContent = formatCount(data.openAlerts ?? '—');
  renderByRep(charts.byRep, totalsByRep(data.repRows));
  const trend = seriesByBucket(data.trendRows, bucketsBetween(filters.from, filters.to, filters.granularity),
    (row) => (filters.teamId || data.trendByRep ? row.repId : row.teamId ?? null));
  renderByDay(charts.byDay, trend, (key) => key ?? t('noTeam'));
  renderRepTable($('rep-table-body'), totalsByRepAndTeam(data.repRows));
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
  $('total-revenue').textContent = formatRevenue(summary.revenueByCurrency);
}

// ---- every number traceable ------------------------------------------------------------------
// A figure opens the follow-ups or sales it counts, for the filters it was drawn with.

function initDrill() {
  const shown = () => page.last?.filters;
  const scope = ({ from, to, teamId }) => ({ from, to, teamId });
  drillable($('total-followups'), () => shown() && openDrill('follow-ups', scope(shown()), t('drillFollowUps')));
  drillable($('total-sales'), () => shown() && openDrill('sales', scope(shown()), t('drillSales')));
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
    const byRep = last.filters.teamId || last.data.trendByRep;
    const who = byRep ? { repId: key, teamId: last.filters.teamId } : { teamId: key };
    openDrill('follow-ups', { from: row.periodStart, to: row.periodEnd, ...who },
      t('drillFollowUpsIn', { who: key, period: bucket }));
  });
  $('rep-table-body').addEventListener('click', (event) => {
    const tr = event.target.closest('td.drillable')?.parentElement;
    if (!tr || !shown()) return;
    const { from, to } = shown();
    openDrill('follow-ups', { from, to, repId: tr.dataset.rep, teamId: tr.dataset.team },
      t('drillFollowUpsOf', { who: `${tr.dataset.rep} · ${tr.dataset.team}` }));
  });
}

// ---- start ---------------------------------------------------------------------------------

initFilters();
initDrill();
initLanguageSwitch(page.render);
for (const el of Object.values(filterEls)) el.addEventListener('change', onFilterChange);
window.addEventListener('resize', () => {
  charts.byRep.resize();
  charts.byDay.resize();
});
// "duplicates" and "alerts" too: they change the flag and customers-to-call cards but no activity figure.
page.live(['activity', 'duplicates', 'alerts']);
page.requestRefresh({ restart: true, spinner: true });
