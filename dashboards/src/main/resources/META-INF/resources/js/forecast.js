// Wires the forecast page (issue 15): months of expected close and owner filters -> one load ->
// chart, rows and stage probabilities. A row's customer count opens the customers behind it, as
// many as it counts. Filters live in the URL so a view can be shared. Test hooks:
// body[data-state], body[data-render-count], window.pulseCharts = {forecast}.
import { initLanguageSwitch } from './header.js';
import { forecastCustomersParams, loadForecast } from './api.js';
import { baseOption, emptyTitle, formatCount } from './charts.js';
import { compareKeys } from './aggregate.js';
import { el, fillOptions, formatMoney, formatPercent, translated } from './dom.js';
import { t } from './i18n.js';
import { createRefresh } from './refresh.js';
import { openDrill } from './drill.js';

/* global echarts -- loaded as a classic script from the webjar before this module runs */

const $ = (id) => document.getElementById(id);
const filterEls = {
  from: $('filter-from'), to: $('filter-to'), team: $('filter-team'), rep: $('filter-rep'), source: $('filter-source'),
  groupBy: $('filter-group-by'),
};
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const html = (text) => echarts.format.encodeHTML(String(text));

const charts = { forecast: echarts.init($('chart-forecast')) };
charts.forecast.setOption({ ...baseOption(), tooltip: { ...baseOption().tooltip, valueFormatter: undefined },
  xAxis: { type: 'category', data: [] }, series: [] });
window.pulseCharts = charts;

const page = createRefresh({
  charts,
  load: async (signal) => {
    const filters = readFilters();
    return { filters, data: await loadForecast(filters, signal) };
  },
  what: 'the forecast',
  draw,
});

function monthOf(date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

function initFilters() {
  const params = new URLSearchParams(location.search);
  const now = new Date();
  filterEls.from.value = MONTH.test(params.get('from') ?? '') ? params.get('from') : monthOf(now);
  filterEls.to.value = MONTH.test(params.get('to') ?? '') ? params.get('to')
    : monthOf(new Date(now.getFullYear(), now.getMonth() + 2, 1));
  fillOptions(filterEls.team, [], params.get('team') ?? '');
  fillOptions(filterEls.rep, [], params.get('rep') ?? '');
  filterEls.source.value = params.get('source') ?? '';
  filterEls.groupBy.value = ['rep', 'team', 'source'].includes(params.get('groupBy')) ? params.get('groupBy') : 'none';
  for (const input of Object.values(filterEls)) input.addEventListener('change', onFilterChange);
}

function readFilters() {
  const { from, to, team, rep, source, groupBy } = filterEls;
  return {
    fromMonth: from.value, toMonth: to.value < from.value ? from.value : to.value, teamId: team.value,
    repId: rep.value, source: source.value.trim(), groupBy: groupBy.value,
  };
}

function onFilterChange() {
  const f = readFilters();
  if (!MONTH.test(f.fromMonth) || !MONTH.test(f.toMonth)) return;
  const params = new URLSearchParams({ from: f.fromMonth, to: f.toMonth });
  if (f.teamId) params.set('team', f.teamId);
  if (f.repId) params.set('rep', f.repId);
  if (f.source) params.set('source', f.source);
  if (f.groupBy !== 'none') params.set('groupBy', f.groupBy);
  history.replaceState(null, '', `?${params}`);
  page.requestRefresh({ restart: true, spinner: true });
}

const groupName = (row) => (row.group ?? (readFilters().groupBy === 'none' ? t('lostAll') : t('noValue')));

/** One bar per month; a series per group and currency, stacked per currency so currencies never add up. */
function renderChart(rows) {
  const months = [...new Set(rows.map((row) => row.month))].sort(compareKeys);
  const seriesKeys = [...new Set(rows.map((row) => `${groupName(row)}\u0000${row.currency}`))];
  charts.forecast.setOption({
    title: emptyTitle(rows.length === 0, 'noForecast'),
    tooltip: {
      formatter: (points) => `${html(points[0]?.name ?? '')}<br>${points.filter((p) => p.value > 0)
        .map((p) => `${p.marker}${html(p.seriesName)}: <b>${html(formatMoney(p.value, p.data.currency))}</b>`).join('<br>')}`,
    },
    xAxis: { data: months },
    series: seriesKeys.map((key) => {
      const [group, currency] = key.split('\u0000');
      return {
        id: key, name: `${group} · ${currency}`, type: 'bar', stack: currency, barMaxWidth: 48,
        data: months.map((month) => {
          const row = rows.find((r) => r.month === month && r.currency === currency && groupName(r) === group);
          return { value: row ? Number(row.weighted) : 0, currency, row };
        }),
      };
    }),
  }, { replaceMerge: ['series'] });
}

function renderRows(rows) {
  const money = (value, currency) => (value == null ? '—' : formatMoney(value, currency));
  $('forecast-body').replaceChildren(...rows.map((row) => el('tr', {},
    el('td', { textContent: row.month }),
    el('td', { textContent: groupName(row) }),
    el('td', { textContent: row.currency }),
    el('td', { className: 'num' }, el('button', {
      type: 'button', className: 'link', textContent: formatCount(row.customers), onclick: () => showCustomers(row),
    })),
    el('td', { className: 'num', textContent: money(row.pipeline, row.currency) }),
    el('td', { className: 'num', textContent: money(row.weighted, row.currency) }),
    el('td', { className: 'num', textContent: money(row.weightedConfigured, row.currency) }))));
  if (rows.length === 0) {
    $('forecast-body').replaceChildren(el('tr', {}, el('td', { colSpan: 7, className: 'empty', textContent: t('noForecast') })));
  }
}

/** The open customers behind a row or bar: as many as its customers (drill.js, with their export). */
function showCustomers(row) {
  const filters = page.last?.filters;
  if (!filters) return;
  openDrill('forecast', forecastCustomersParams(filters, row),
    t('forecastCustomersOf', { month: row.month, currency: row.currency }));
}

function renderProbabilities(forecast) {
  $('probabilities-hint').textContent = t('probabilitiesHint', { months: forecast.learningMonths, asOf: forecast.asOf });
  $('probabilities-body').replaceChildren(...forecast.stages.map((stage) => el('tr', {},
    el('th', { scope: 'row', textContent: translated('stage', stage.stage) }),
    el('td', { className: 'num', textContent: formatCount(stage.reached) }),
    el('td', { className: 'num', textContent: formatCount(stage.won) }),
    el('td', { className: 'num', textContent: formatPercent(stage.learned) }),
    el('td', { className: 'num', textContent: formatPercent(stage.configured) }))));
}

function draw(last) {
  if (!last) return;
  const { data } = last;
  const teams = data.teams;
  fillOptions(filterEls.team, teams.map((row) => row.teamId).filter(Boolean).sort(compareKeys), filterEls.team.value);
  const reps = (filterEls.team.value ? teams.filter((row) => row.teamId === filterEls.team.value) : teams)
    .flatMap((row) => row.reps || []);
  fillOptions(filterEls.rep, [...new Set(reps)].sort(compareKeys), filterEls.rep.value);
  renderChart(data.forecast.rows);
  renderRows(data.forecast.rows);
  renderProbabilities(data.forecast);
}

initFilters();
initLanguageSwitch(page.render);
window.addEventListener('resize', () => charts.forecast.resize());
charts.forecast.on('click', (point) => point.data?.row && showCustomers(point.data.row));
page.live(['funnel', 'activity']);
page.requestRefresh({ restart: true, spinner: true });
