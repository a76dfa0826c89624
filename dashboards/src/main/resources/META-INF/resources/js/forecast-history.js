// How one month's forecast moved (issue 15): the daily snapshots of the weighted and the plain
// pipeline for that month of expected close, a line per currency, beside what was won in the month
// (a dashed mark per currency, which reaches its final value once the month is over). Currencies
// are never added. Test hook: window.pulseCharts.history.
import { baseOption, emptyTitle } from './charts.js';
import { formatMoney } from './dom.js';
import { t } from './i18n.js';

/* global echarts -- loaded as a classic script from the webjar before this module runs */

const html = (text) => echarts.format.encodeHTML(String(text));

export function historyChart(element) {
  const chart = echarts.init(element);
  chart.setOption({ ...baseOption(), xAxis: { type: 'category', data: [] }, series: [] });
  return chart;
}

/** history: the API's {month, points: [{day, currency, customers, pipeline, weighted}], wonByCurrency}. */
export function renderHistory(chart, wonLabel, history) {
  const points = history?.points ?? [];
  const won = history?.wonByCurrency ?? {};
  const days = [...new Set(points.map((p) => p.day))].sort();
  const currencies = [...new Set([...points.map((p) => p.currency), ...Object.keys(won)])].sort();
  const at = (day, currency) => points.find((p) => p.day === day && p.currency === currency);
  chart.setOption({
    title: emptyTitle(points.length === 0, 'noForecastHistory'),
    tooltip: {
      valueFormatter: undefined,
      formatter: (items) => `${html(items[0]?.name ?? '')}<br>${items.filter((i) => i.value != null)
        .map((i) => `${i.marker}${html(i.seriesName)}: <b>${html(formatMoney(i.value, i.data.currency))}</b>`).join('<br>')}`,
    },
    xAxis: { data: days },
    series: currencies.flatMap((currency) => [
      {
        id: `weighted-${currency}`, name: `${t('colWeighted')} · ${currency}`, type: 'line',
        data: days.map((day) => ({ value: at(day, currency) ? Number(at(day, currency).weighted) : null, currency })),
        // what was won in the month, on the same scale as the forecast of it
        markLine: won[currency] == null ? undefined : {
          symbol: 'none', lineStyle: { type: 'dashed' },
          label: { formatter: `${t('historyWon')} ${formatMoney(won[currency], currency)}` },
          data: [{ yAxis: Number(won[currency]) }],
        },
      },
      {
        id: `pipeline-${currency}`, name: `${t('colPipeline')} · ${currency}`, type: 'line', lineStyle: { type: 'dotted' },
        data: days.map((day) => ({ value: at(day, currency) ? Number(at(day, currency).pipeline) : null, currency })),
      },
    ]),
  }, { replaceMerge: ['series'] });
  wonLabel.textContent = currencies.length === 0 ? '' : t('historyWonText', {
    month: history.month,
    won: currencies.map((c) => formatMoney(won[c] ?? 0, c)).join(' · '),
  });
}
