// The funnel page's cycle-length panel (issue 15): the parts of pipeline velocity, and how many
// closed customers took how long, won beside lost. A click on a bar lists its customers, as many
// as the bar counts (the list of that outcome, cut to the bar's days: funnel.js, drill.js).
import { barOption, emptyTitle, formatCount } from './charts.js';
import { formatMoney, formatPercent } from './dom.js';
import { t } from './i18n.js';

/* global echarts -- loaded as a classic script from the webjar before this module runs */

const OUTCOMES = [{ code: 'WON', key: 'cycleWon', color: '#1a9e55' }, { code: 'LOST', key: 'cycleLost', color: '#c62f45' }];

function skeleton() {
  return {
    ...barOption(),
    xAxis: { type: 'category', data: [] },
    series: OUTCOMES.map((outcome) => ({ id: outcome.code, type: 'bar', barMaxWidth: 40, color: outcome.color, data: [] })),
  };
}

export function createCycleChart(element) {
  const chart = echarts.init(element);
  chart.setOption(skeleton());
  return chart;
}

export function bucketLabel(bucket) {
  return bucket.toDays == null ? t('cycleBucketOpen', { from: bucket.fromDays })
    : t('cycleBucket', { from: bucket.fromDays, to: bucket.toDays });
}

/** rows: the /reports/cycle-length answer without grouping, at most one row per outcome. */
export function renderCycle(chart, rows) {
  const buckets = rows[0]?.buckets ?? [];
  chart.setOption({
    title: emptyTitle(rows.length === 0, 'noClosed'),
    xAxis: { data: buckets.map(bucketLabel) },
    series: OUTCOMES.map((outcome) => {
      const row = rows.find((r) => r.outcome === outcome.code);
      return {
        id: outcome.code,
        name: t(outcome.key),
        data: buckets.map((bucket, i) => ({ value: row ? row.buckets[i].customers : 0, outcome: outcome.code, bucket })),
      };
    }),
  });
}

/** The four parts of velocity and the result, one figure per currency for money. */
export function renderVelocity(velocity) {
  const $ = (id) => document.getElementById(id);
  const money = (field) => (velocity.byCurrency.length === 0 ? '—'
    : velocity.byCurrency.map((deal) => formatMoney(deal[field], deal.currency)).join(' · '));
  $('velocity-open').textContent = formatCount(velocity.openCustomers);
  $('velocity-win-rate').textContent = formatPercent(velocity.winRate);
  $('velocity-deal').textContent = money('averageDeal');
  $('velocity-cycle').textContent = velocity.averageCycleDays == null ? '—' : String(velocity.averageCycleDays);
  $('velocity-per-day').textContent = money('velocityPerDay');
}
