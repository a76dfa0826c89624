// The ECharts instances of the pages, set up the handbook's way: init with a skeleton option
// once, then every refresh calls setOption with data (and translated names) only.
import { ALERT_KINDS, CHANNELS } from './aggregate.js';
import { t, locale } from './i18n.js';

/* global echarts -- loaded as a classic script from the webjar before this module runs */

// One fixed colour per channel so "WeChat" is the same green in every refresh and language.
const CHANNEL_COLORS = ['#2f6fde', '#1aad19', '#8e6bd9', '#f08a24', '#e0475b', '#8a94a6'];
const LINE_COLORS = ['#2f6fde', '#f08a24', '#1aad19', '#e0475b', '#8e6bd9', '#17a2b8',
  '#c08b00', '#d15fb4', '#5b7083', '#3b9c73'];

// One colour per duplicate flag type; the flag list's dots use the same.
export const TYPE_COLORS = { DUPLICATE_CUSTOMER: '#2f6fde', MULTI_REP: '#f08a24', DUPLICATE_ENTRY: '#8e6bd9' };

// One colour per alert kind; the table's kind badges use the same (css/pulse.css).
export const KIND_COLORS = { STALE: '#d98a00', OVERDUE: '#c62f45', ESCALATED: '#7b3fb5' };

const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** What every chart shares, axes or not (the funnel and the Sankey have none). */
export function commonOption() {
  return {
    animation: !reducedMotion,
    // Canvas text does not inherit CSS, so hand it the page's CJK-aware font stack.
    textStyle: { fontFamily: getComputedStyle(document.body).fontFamily },
    // Shown only when a refresh returns nothing, so an empty chart never looks broken.
    title: { show: false, left: 'center', top: 'middle', textStyle: { color: '#8a94a6', fontSize: 14, fontWeight: 'normal' } },
  };
}

/** A chart with a category axis and a count axis. */
export function baseOption() {
  return {
    ...commonOption(),
    tooltip: { trigger: 'axis', confine: true, valueFormatter: formatCount },
    legend: { type: 'scroll', top: 0, left: 0, right: 0 },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    yAxis: { type: 'value', minInterval: 1 },
  };
}

/** baseOption() for bars: the tooltip's pointer shades the whole hovered category. */
export function barOption() {
  const base = baseOption();
  return { ...base, tooltip: { ...base.tooltip, axisPointer: { type: 'shadow' } } };
}

/** Bars per rep stacked by one series per id (rep names are long: rotated and cut at 110 px). */
function stackedPerRep(colors, ids, stack) {
  return {
    ...barOption(),
    color: colors,
    xAxis: {
      type: 'category',
      data: [],
      axisLabel: { rotate: 30, width: 110, overflow: 'truncate', hideOverlap: true },
    },
    series: ids.map((id) => ({ id, type: 'bar', stack, barMaxWidth: 48, emphasis: { focus: 'series' }, data: [] })),
  };
}

function byDaySkeleton() {
  const base = baseOption();
  return {
    ...base,
    color: LINE_COLORS,
    // Room at both ends: with boundaryGap false the first and last bucket labels are centred
    // on the plot's edges, and containLabel does not account for them.
    grid: { ...base.grid, left: 36, right: 36 },
    xAxis: { type: 'category', boundaryGap: false, data: [] },
    series: [],
  };
}

function byTypeSkeleton() {
  const base = barOption();
  return {
    ...base,
    legend: { show: false },
    grid: { ...base.grid, top: 24 },
    xAxis: { type: 'category', data: [], axisLabel: { interval: 0 } },
    series: [{ id: 'open', type: 'bar', barMaxWidth: 56, label: { show: true, position: 'top' }, data: [] }],
  };
}

export function createCharts(byRepEl, byDayEl) {
  const byRep = echarts.init(byRepEl);
  byRep.setOption(stackedPerRep(CHANNEL_COLORS, CHANNELS, 'followUps'));
  const byDay = echarts.init(byDayEl);
  byDay.setOption(byDaySkeleton());
  return { byRep, byDay };
}

/** The duplicates page's chart of open flags per type. */
export function createByTypeChart(el) {
  const byType = echarts.init(el);
  byType.setOption(byTypeSkeleton());
  return byType;
}

/** The customers-to-call page's chart of open alerts per rep, stacked by kind. */
export function createAlertsByRepChart(el) {
  const byRep = echarts.init(el);
  byRep.setOption(stackedPerRep(ALERT_KINDS.map((kind) => KIND_COLORS[kind]), ALERT_KINDS, 'alerts'));
  return byRep;
}

export function showLoading(charts) {
  for (const chart of Object.values(charts)) {
    chart.showLoading({ text: t('loading'), color: '#2f6fde', maskColor: 'rgba(255,255,255,0.6)' });
  }
}

export function hideLoading(charts) {
  for (const chart of Object.values(charts)) chart.hideLoading();
}

/** repTotals: entries of totalsByRep(), most follow-ups first. */
export function renderByRep(chart, repTotals) {
  chart.setOption({
    title: emptyTitle(repTotals.length === 0),
    xAxis: { data: repTotals.map((rep) => rep.repId) },
    series: CHANNELS.map((channel) => ({
      id: channel,
      name: t(`channel_${channel}`),
      data: repTotals.map((rep) => rep.byChannel[channel] || 0),
    })),
  });
}

/** trend: result of seriesByBucket(); nameOf turns a series key into its legend label. */
export function renderByDay(chart, trend, nameOf) {
  const hasData = trend.series.some((s) => s.data.some((n) => n > 0));
  chart.setOption({
    title: emptyTitle(!hasData),
    xAxis: { data: trend.axis },
    // The number of series follows the data (teams or reps), so each carries its type and
    // style, and replaceMerge drops the lines of a previous filter.
    series: trend.series.map((s) => ({
      id: JSON.stringify(s.key),
      name: nameOf(s.key),
      type: 'line',
      symbol: 'circle',
      symbolSize: 6,
      showSymbol: trend.axis.length <= 31,
      emphasis: { focus: 'series' },
      data: s.data,
    })),
  }, { replaceMerge: ['series'] });
}

/** counts: {DUPLICATE_CUSTOMER: n, ...}; types: the bars, in order. */
export function renderByType(chart, counts, types) {
  const values = types.map((type) => Number(counts?.[type]) || 0);
  chart.setOption({
    title: emptyTitle(values.every((n) => n === 0), 'noOpenFlags'),
    xAxis: { data: types.map((type) => t(`typeShort_${type}`)) },
    series: [{
      id: 'open',
      name: t('status_OPEN'),
      data: values.map((value, i) => ({ value, itemStyle: { color: TYPE_COLORS[types[i]] } })),
    }],
  });
}

/** reps: alertsByRep() output, most alerts first. */
export function renderAlertsByRep(chart, reps) {
  chart.setOption({
    title: emptyTitle(reps.length === 0, 'noOpenAlerts'),
    xAxis: { data: reps.map((rep) => rep.repId) },
    series: ALERT_KINDS.map((kind) => ({
      id: kind,
      name: t(`kind_${kind}`),
      data: reps.map((rep) => rep.byKind[kind] || 0),
    })),
  });
}

export function emptyTitle(empty, key = 'noData') {
  return { show: empty, text: empty ? t(key) : '' };
}

export function formatCount(n) {
  return typeof n === 'number' ? n.toLocaleString(locale()) : n;
}
