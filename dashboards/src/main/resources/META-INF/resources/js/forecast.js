// Wires the forecast page (issue 15): months of expected close and owner filters -> one load ->
// chart, rows and stage probabilities. A row's customer count, pipeline and weighted cells open the customers
// behind it, as many as it counts. Filters live in the URL so a view can be shared. Test hooks:
// body[data-state], body[data-render-count], window.pulseCharts = {forecast, history}.
import { initLanguageSwitch } from './header.js';
import { forecastCustomersParams, loadForecast, loadForecastHistory } from './api.js';
import { historyChart, renderHistory } from './forecast-history.js';
import { createFilterBar, setUrlParam } from './filter-bar.js';
import { baseOption, emptyTitle, formatCount } from './charts.js';
import { compareKeys } from './aggregate.js';
import { el, formatMoney, formatPercent, translated } from './dom.js';
import { t } from './i18n.js';
import { createRefresh } from './refresh.js';
import { drillable, openDrill } from './drill.js';

/* global echarts -- loaded as a classic script from the webjar before this module runs */

const $ = (id) => document.getElementById(id);
// Team, rep and source: the shared bar (js/filter-bar.js); the months and the split are this page's own.
const filterEls = { from: $('filter-from'), to: $('filter-to'), groupBy: $('filter-group-by'), historyMonth: $('history-month') };
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const html = (text) => echarts.format.encodeHTML(String(text));

const charts = { forecast: echarts.init($('chart-forecast')), history: historyChart($('chart-forecast-history')) };
charts.forecast.setOption({ ...baseOption(), tooltip: { ...baseOption().tooltip, valueFormatter: undefined },
  xAxis: { type: 'category', data: [] }, series: [] });
window.pulseCharts = charts;

const page = createRefresh({
  charts,
  load: async (signal) => {
    await filterBar.read(signal);
    const filters = readFilters();
    const [data, history] = await Promise.all([loadForecast(filters, signal),
      loadForecastHistory({ month: filters.historyMonth, teamId: filters.teamId, repId: filters.repId }, signal)]);
    return { filters, data, history };
  },
  what: 'the forecast',
  draw,
});

const filterBar = createFilterBar({ onChange: onFilterChange });

function monthOf(date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

function initFilters() {
  const params = new URLSearchParams(location.search);
  const now = new Date();
  filterEls.from.value = MONTH.test(params.get('from') ?? '') ? params.get('from') : monthOf(now);
  filterEls.to.value = MONTH.test(params.get('to') ?? '') ? params.get('to')
    : monthOf(new Date(now.getFullYear(), now.getMonth() + 2, 1));
  filterEls.groupBy.value = ['rep', 'team', 'source'].includes(params.get('groupBy')) ? params.get('groupBy') : 'none';
  // the month whose forecast history is drawn: the first forecast month unless the URL names one
  filterEls.historyMonth.value = MONTH.test(params.get('history') ?? '') ? params.get('history') : filterEls.from.value;
  for (const input of Object.values(filterEls)) input.addEventListener('change', onFilterChange);
}

function readFilters() {
  const { from, to, groupBy, historyMonth } = filterEls;
  const { teamId, repId, source } = filterBar.current();
  return {
    fromMonth: from.value, toMonth: to.value < from.value ? from.value : to.value, teamId, repId, source,
    groupBy: groupBy.value, historyMonth: MONTH.test(historyMonth.value) ? historyMonth.value : from.value,
  };
}

function onFilterChange() {
  const f = readFilters();
  if (!MONTH.test(f.fromMonth) || !MONTH.test(f.toMonth)) return;
  // the bar keeps team, rep and source in the URL; these beside them
  setUrlParam('from', f.fromMonth);
  setUrlParam('to', f.toMonth);
  setUrlParam('groupBy', f.groupBy, 'none');
  setUrlParam('history', f.historyMonth, f.fromMonth);
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
    // the pipeline and weighted cells sum the same open customers the count lists: each opens that list
    figureCell(money(row.pipeline, row.currency), row),
    figureCell(money(row.weighted, row.currency), row),
    el('td', { className: 'num', textContent: money(row.weightedConfigured, row.currency) }))));
  if (rows.length === 0) {
    $('forecast-body').replaceChildren(el('tr', {}, el('td', { colSpan: 7, className: 'empty', textContent: t('noForecast') })));
  }
}

/** A money cell of a row that opens the row's customers, whose expected and weighted amounts it adds up. */
function figureCell(text, row) {
  const cell = el('td', { className: 'num', textContent: text });
  drillable(cell, () => showCustomers(row));
  return cell;
}

/** The open customers behind a row or bar: as many as its customers (drill.js, with their export). */
function showCustomers(row) {
  const filters = page.last?.filters;
  if (!filters) return;
  openDrill('forecast', forecastCustomersParams(filters, row),
    t('forecastCustomersOf', { month: row.month, currency: row.currency }));
}

/**
 * A probability row's reached or won count, opening the customers it counts: those who reached the
 * stage in the learning window, or those of them won at its end (drill.js).
 */
function stageCountCell(forecast, stage, count) {
  const cell = el('td', { className: 'num', textContent: formatCount(stage[count]) });
  drillable(cell, () => {
    const { teamId, repId, source } = page.last?.filters || {};
    openDrill('stage-reached', {
      teamId, repId, source, asOf: forecast.asOf, months: forecast.learningMonths, stage: stage.stage, count,
    }, t(count === 'won' ? 'stageWonOf' : 'stageReachedOf', { stage: translated('stage', stage.stage) }));
  });
  return cell;
}

function renderProbabilities(forecast) {
  $('probabilities-hint').textContent = t('probabilitiesHint', { months: forecast.learningMonths, asOf: forecast.asOf });
  $('probabilities-body').replaceChildren(...forecast.stages.map((stage) => el('tr', {},
    el('th', { scope: 'row', textContent: translated('stage', stage.stage) }),
    stageCountCell(forecast, stage, 'reached'),
    stageCountCell(forecast, stage, 'won'),
    el('td', { className: 'num', textContent: formatPercent(stage.learned) }),
    el('td', { className: 'num', textContent: formatPercent(stage.configured) }))));
}

function draw(last) {
  if (!last) return;
  const { data } = last;
  renderChart(data.forecast.rows);
  renderRows(data.forecast.rows);
  renderProbabilities(data.forecast);
  renderHistory(charts.history, $('history-won'), last.history);
}

initFilters();
initLanguageSwitch(page.render);
window.addEventListener('resize', () => Object.values(charts).forEach((chart) => chart.resize()));
charts.forecast.on('click', (point) => point.data?.row && showCustomers(point.data.row));
page.live(['funnel', 'activity']);
page.requestRefresh({ restart: true, spinner: true });
