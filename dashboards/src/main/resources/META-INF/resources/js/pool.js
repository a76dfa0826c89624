// Wires the 公海 pool page: the shared filter bar (team, rep, source) -> one load of the pool list ->
// the chart per team, the table and the export links. The pool is not cut to the caller's scope: any rep may claim from it.
// Live pushes ("alerts": a release or a claim) and the poll only ask for a refresh.
// Test hooks: body[data-state], body[data-render-count], window.pulseCharts.byTeam.
import { t } from './i18n.js';
import { initLanguageSwitch } from './header.js';
import { loadPool, poolExportUrl } from './api.js';
import { createFilterBar } from './filter-bar.js';
import { baseOption, formatCount, emptyTitle } from './charts.js';
import { compareKeys } from './aggregate.js';
import { el, formatShortTime, timeEl, translated } from './dom.js';
import { createRefresh } from './refresh.js';
import { openDrill } from './drill.js';

/* global echarts -- loaded as a classic script from the webjar before this module runs */

const $ = (id) => document.getElementById(id);

const byTeam = echarts.init($('chart-by-team'));
byTeam.setOption({
  ...baseOption(),
  legend: { show: false },
  color: ['#2f6fde'],
  xAxis: { type: 'category', data: [], axisLabel: { interval: 0, rotate: 30, width: 110, overflow: 'truncate' } },
  series: [{ id: 'released', type: 'bar', barMaxWidth: 48, label: { show: true, position: 'top' }, data: [] }],
});
const charts = { byTeam };
window.pulseCharts = charts;

const page = createRefresh({
  charts,
  load: async (signal) => {
    const filters = await filterBar.read(signal);
    return { ...(await loadPool(filters, signal)), filters };
  },
  what: 'the pool',
  draw,
});
const filterBar = createFilterBar({ onChange: () => page.requestRefresh({ restart: true, spinner: true }) });

/** Pool customers per team they were released from, most first; no team last. */
function countByTeam(rows) {
  const counts = new Map();
  for (const row of rows) counts.set(row.teamId ?? null, (counts.get(row.teamId ?? null) || 0) + 1);
  return [...counts.entries()].sort(([a, x], [b, y]) => y - x || compareKeys(a, b));
}

// The teams as the chart shows them, for a click on a bar.
let charted = [];

function draw(last) {
  if (!last) return;
  const rows = last.rows;
  const teams = countByTeam(rows);
  charted = teams;
  byTeam.setOption({
    title: emptyTitle(rows.length === 0, 'poolEmpty'),
    xAxis: { data: teams.map(([id]) => id ?? t('noTeam')) },
    series: [{ id: 'released', name: t('poolByTeamTitle'), data: teams.map(([, n]) => n) }],
  });
  const shown = rows;
  $('pool-count').textContent = t('poolTotal', { total: formatCount(shown.length) });
  $('export-csv').href = poolExportUrl('csv', last.filters);
  $('export-xlsx').href = poolExportUrl('xlsx', last.filters);
  // textContent only: customer names and ids are typed by people and must stay text
  $('pool-table-body').replaceChildren(...(shown.length === 0
    ? [el('tr', {}, el('td', { colSpan: 7, className: 'empty', textContent: t('poolEmpty') }))]
    : shown.map((row) => el('tr', {},
      el('td', { textContent: row.customerName || row.customerId, title: row.customerId }),
      el('td', { textContent: translated('stage', row.stage) }),
      el('td', { textContent: row.releasedFromRepId ?? '—' }),
      el('td', { textContent: row.teamId ?? '—' }),
      el('td', {}, timeEl(row.lastFollowUpAt, formatShortTime)),
      el('td', {}, timeEl(row.releasedAt, formatShortTime)),
      el('td', { className: 'num', textContent: Number(row.daysSince).toFixed(1) })))));
}

// A click on a team's bar lists the pool customers it counts: that team's, chosen in the bar. The bar
// of no team has no choice in the bar: it opens its customers in the list dialog instead.
byTeam.on('click', ({ dataIndex }) => {
  if (!charted[dataIndex]) return;
  const id = charted[dataIndex][0];
  if (id != null) {
    filterBar.choose('team', id);
  } else {
    const { repId, source } = page.last?.filters || {};
    openDrill('pool', { withoutTeam: true, repId, source }, t('noTeam'));
  }
});
initLanguageSwitch(page.render);
window.addEventListener('resize', () => byTeam.resize());
page.live(['alerts'], () => page.requestRefresh());
page.requestRefresh({ spinner: true });
