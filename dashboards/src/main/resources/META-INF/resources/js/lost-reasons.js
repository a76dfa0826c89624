// The funnel page's lost-reasons panel (issue 15): one stacked bar per group (all lost customers,
// or per stage lost from, rep, team or source), one series per top reason plus "other"; a click on
// a bar lists the customers behind it, as many as the bar counts (funnel.js, drill.js). Reasons and
// ids are typed by people: the chart draws them as canvas text and the tooltip escapes them; the
// list puts them in as text only.
import { barOption, emptyTitle, formatCount } from './charts.js';
import { formatPercent } from './dom.js';
import { t } from './i18n.js';

/* global echarts -- loaded as a classic script from the webjar before this module runs */

const REASON_COLORS = ['#c62f45', '#f08a24', '#8e6bd9', '#2f6fde', '#17a2b8', '#c08b00', '#d15fb4', '#3b9c73',
  '#5b7083', '#1a9e55'];
const OTHER_COLOR = '#b8c0cc';
const html = (text) => echarts.format.encodeHTML(String(text));

function skeleton() {
  return {
    ...barOption(),
    color: REASON_COLORS,
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: [], axisLabel: { width: 120, overflow: 'truncate' } },
    series: [],
  };
}

export function createLostReasonsChart(element) {
  const chart = echarts.init(element);
  chart.setOption(skeleton());
  return chart;
}

/**
 * view: the /reports/lost-reasons answer {lost, reasons, rows}; groupLabel(group) names a group
 * (null: no grouping, or customers without a value). Each bar's data carries {group, key, other}
 * for the customer list.
 */
export function renderLostReasons(chart, view, groupLabel) {
  const groups = [...new Set(view.rows.map((row) => row.group ?? null))];
  const rowOf = (group, reason) => view.rows.find((row) => (row.group ?? null) === group
    && row.other === reason.other && row.key === reason.key);
  const series = view.reasons.map((reason) => ({
    id: reason.other ? 'other' : `reason:${reason.key}`,
    name: reason.other ? t('lostOther') : reason.reason,
    type: 'bar',
    stack: 'lost',
    barMaxWidth: 32,
    emphasis: { focus: 'series' },
    ...(reason.other ? { itemStyle: { color: OTHER_COLOR } } : {}),
    data: groups.map((group) => {
      const row = rowOf(group, reason);
      return { value: row ? row.customers : 0, share: row?.share, group, key: reason.key, other: reason.other };
    }),
  }));
  chart.setOption({
    title: emptyTitle(view.lost === 0, 'noLost'),
    tooltip: {
      formatter: (points) => `${html(points[0]?.name ?? '')}<br>${points.filter((p) => p.value > 0)
        .map((p) => `${p.marker}${html(p.seriesName)}: <b>${html(formatCount(p.value))}</b>`
          + ` (${html(formatPercent(p.data.share))})`).join('<br>')}`,
    },
    yAxis: { data: groups.map(groupLabel) },
    series,
  }, { replaceMerge: ['series'] });
}
