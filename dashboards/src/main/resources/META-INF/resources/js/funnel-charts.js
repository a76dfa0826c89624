// The funnel page's three charts, set up like the others (js/charts.js): init with a skeleton
// option once, then each refresh calls setOption with data and translated names only. Nodes and
// data points carry stage codes; nameOf(code) turns one into the page language's name.
import { barOption, commonOption, emptyTitle, formatCount } from './charts.js';
import { t } from './i18n.js';

/* global echarts -- loaded as a classic script from the webjar before this module runs */

// One fixed colour per stage of the default pipeline, the same in every chart and refresh.
const STAGE_COLORS = {
  LEAD: '#2f6fde', QUALIFIED: '#17a2b8', PROPOSAL: '#8e6bd9', QUOTE: '#f08a24',
  CONTRACT: '#c08b00', WON: '#1a9e55', LOST: '#c62f45',
};
const OTHER_COLORS = ['#5b7083', '#d15fb4', '#3b9c73', '#e0475b'];

function stageColor(code, index) {
  return STAGE_COLORS[code] ?? OTHER_COLORS[index % OTHER_COLORS.length];
}

// Custom tooltips are HTML: every name in them goes through encodeHTML.
const html = (text) => echarts.format.encodeHTML(String(text));

function funnelSkeleton() {
  return {
    ...commonOption(),
    tooltip: { trigger: 'item', confine: true },
    series: [{
      id: 'reached', type: 'funnel', sort: 'none', gap: 2,
      left: '6%', width: '58%', top: 12, bottom: 12, min: 0, minSize: '4%',
      label: { position: 'right', color: '#1f2a3d' },
      labelLine: { length: 16, lineStyle: { color: '#c3cad6' } },
      itemStyle: { borderColor: '#fff', borderWidth: 1 },
      emphasis: { label: { fontWeight: 'bold' } },
      data: [],
    }],
  };
}

function transitionsSkeleton() {
  return {
    ...commonOption(),
    tooltip: { trigger: 'item', confine: true },
    series: [{
      id: 'transitions', type: 'sankey', left: 8, right: 96, top: 12, bottom: 12,
      nodeWidth: 16, nodeGap: 14, nodeAlign: 'justify', draggable: false,
      emphasis: { focus: 'adjacency' },
      lineStyle: { color: 'gradient', curveness: 0.5, opacity: 0.3 },
      label: { color: '#1f2a3d' },
      edgeLabel: { show: true, color: '#66728a', fontSize: 11 },
      data: [],
      links: [],
    }],
  };
}

function timeInStageSkeleton() {
  const base = barOption();
  return {
    ...base,
    legend: { show: false },
    grid: { ...base.grid, top: 24 },
    xAxis: { type: 'category', data: [], axisLabel: { interval: 0, width: 90, overflow: 'truncate' } },
    yAxis: { ...base.yAxis, minInterval: 0 },
    series: [{
      id: 'medianDays', type: 'bar', barMaxWidth: 56, color: '#2f6fde',
      label: { show: true, position: 'top' },
      data: [],
    }],
  };
}

/** {funnel, transitions, timeInStage}: the page's test hook too (window.pulseCharts). */
export function createFunnelCharts(funnelEl, transitionsEl, timeInStageEl) {
  const charts = {
    funnel: echarts.init(funnelEl),
    transitions: echarts.init(transitionsEl),
    timeInStage: echarts.init(timeInStageEl),
  };
  charts.funnel.setOption(funnelSkeleton());
  charts.transitions.setOption(transitionsSkeleton());
  charts.timeInStage.setOption(timeInStageSkeleton());
  return charts;
}

/** stages: [{stage, reached, current}] in pipeline order, forward stages only. */
export function renderFunnel(chart, stages, nameOf) {
  const top = stages[0]?.reached || 0;
  const share = (n) => (top > 0 ? ` · ${Math.round((n / top) * 100)}%` : '');
  chart.setOption({
    title: emptyTitle(top === 0, 'noCohort'),
    series: [{
      id: 'reached',
      name: t('funnelTitle'),
      max: Math.max(top, 1),
      label: { formatter: (p) => `${nameOf(p.data.stage)}  ${formatCount(p.value)}${share(p.value)}` },
      tooltip: {
        formatter: (p) => `${html(nameOf(p.data.stage))}<br>${html(t('reached'))}: <b>${html(formatCount(p.value))}</b>`
          + `<br>${html(t('currentAt'))}: ${html(formatCount(p.data.current))}`,
      },
      // An empty cohort draws nothing rather than a column of zero-width slivers.
      data: top === 0 ? [] : stages.map((s, i) => ({
        stage: s.stage, name: nameOf(s.stage), value: s.reached, current: s.current,
        itemStyle: { color: stageColor(s.stage, i) },
      })),
    }],
  });
}

/**
 * links: [{from, to, count}] that form no cycle (forward moves and losses); order: the stage
 * codes in pipeline order, so the nodes keep it.
 */
export function renderTransitions(chart, links, order, nameOf) {
  const used = new Set(links.flatMap((link) => [link.from, link.to]));
  const nodes = order.filter((code) => used.has(code));
  chart.setOption({
    title: emptyTitle(links.length === 0, 'noTransitions'),
    series: [{
      id: 'transitions',
      label: { formatter: (p) => nameOf(p.name) },
      tooltip: {
        formatter: (p) => (p.dataType === 'edge'
          ? `${html(nameOf(p.data.source))} → ${html(nameOf(p.data.target))}: <b>${html(formatCount(p.value))}</b>`
          : `${html(nameOf(p.name))}: <b>${html(formatCount(p.value))}</b>`),
      },
      data: nodes.map((code) => ({ name: code, itemStyle: { color: stageColor(code, order.indexOf(code)) } })),
      links: links.map((link) => ({ source: link.from, target: link.to, value: link.count })),
    }],
  });
}

/** rows: [{stage, customers, medianDays}] in pipeline order. */
export function renderTimeInStage(chart, rows, nameOf) {
  const days = (n) => (typeof n === 'number' ? t('daysValue', { n: formatCount(n) }) : '—');
  chart.setOption({
    title: emptyTitle(!rows.some((row) => typeof row.medianDays === 'number'), 'noTimeInStage'),
    tooltip: {
      formatter: ([p]) => `${html(p.name)}<br>${html(t('medianDays'))}: <b>${html(days(p.value))}</b>`
        + `<br>${html(t('customersMeasured'))}: ${html(formatCount(p.data.customers ?? 0))}`,
    },
    xAxis: { data: rows.map((row) => nameOf(row.stage)) },
    series: [{
      id: 'medianDays',
      name: t('medianDays'),
      data: rows.map((row, i) => ({
        stage: row.stage, value: row.medianDays ?? null, customers: row.customers,
        itemStyle: { color: stageColor(row.stage, i) },
      })),
    }],
  });
}
