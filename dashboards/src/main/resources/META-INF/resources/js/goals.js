// Wires the goals page (issue 15): a day, a team and a metric -> one load -> attainment bars with
// a pace marker (where the goal should be by now), the goals table, the team's leaderboard, and
// for managers and admins the editor. Everything a person typed goes in as text. Test hooks:
// body[data-state], body[data-render-count], window.pulseCharts = {attainment, leaderboard}.
import { initLanguageSwitch } from './header.js';
import { loadGoals, removeGoal, saveGoal } from './api.js';
import { createFilterBar, setUrlParam } from './filter-bar.js';
import { baseOption, emptyTitle } from './charts.js';
import { el, formatMoney, formatPercent } from './dom.js';
import { t } from './i18n.js';
import { createRefresh } from './refresh.js';
import { openDrill } from './drill.js';

/* global echarts -- loaded as a classic script from the webjar before this module runs */

const $ = (id) => document.getElementById(id);
// Team and rep: the shared bar (js/filter-bar.js); the day and the metric are this page's own.
const filterEls = { day: $('filter-day'), metric: $('filter-metric') };
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const METRICS = ['FOLLOW_UPS_PER_WEEK', 'NEW_CUSTOMERS_PER_MONTH', 'REVENUE_PER_MONTH'];
const BEHIND = '#c62f45';
const ON_PACE = '#2f6fde';
const html = (text) => echarts.format.encodeHTML(String(text));

const charts = { attainment: echarts.init($('chart-attainment')), leaderboard: echarts.init($('chart-leaderboard')) };
for (const chart of Object.values(charts)) {
  chart.setOption({ ...baseOption(), xAxis: { type: 'value' }, yAxis: { type: 'category', data: [] }, series: [] });
}
window.pulseCharts = charts;

const page = createRefresh({
  charts,
  load: async (signal) => {
    await filterBar.read(signal);
    const filters = readFilters();
    return { filters, data: await loadGoals(filters, signal) };
  },
  what: 'the goals',
  draw,
});

const filterBar = createFilterBar({ onChange: onFilterChange });

function today() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function initFilters() {
  const params = new URLSearchParams(location.search);
  filterEls.day.value = DAY.test(params.get('day') ?? '') ? params.get('day') : today();
  filterEls.metric.value = METRICS.includes(params.get('metric')) ? params.get('metric') : METRICS[0];
  for (const input of Object.values(filterEls)) input.addEventListener('change', onFilterChange);
  $('goal-form').addEventListener('submit', onSave);
}

function readFilters() {
  const { teamId, repId } = filterBar.current();
  return { day: filterEls.day.value, teamId, repId, metric: filterEls.metric.value };
}

function onFilterChange() {
  const f = readFilters();
  if (!DAY.test(f.day)) return;
  // the bar keeps team and rep in the URL; these beside them
  setUrlParam('day', f.day);
  setUrlParam('metric', f.metric);
  page.requestRefresh({ restart: true, spinner: true });
}

const who = (row) => (row.scope === 'TEAM' ? `${t('goalsScope_TEAM')} ${row.teamId}` : row.repId);
const amount = (value, row) => (row.currency ? formatMoney(value, row.currency) : String(Number(value)));
const percent = (value) => (value == null ? '—' : formatPercent(value));

/** One bar per goal (attainment), a marker at the share of the period elapsed: left of it is behind pace. */
function renderAttainment(chart, rows, labelOf) {
  const labels = rows.map(labelOf);
  chart.setOption({
    title: emptyTitle(rows.length === 0, 'goalsNone'),
    legend: { data: [t('goalsAttainment'), t('goalsPaceMarker')] },
    tooltip: {
      trigger: 'axis', axisPointer: { type: 'shadow' },
      formatter: (points) => {
        const row = rows[points[0]?.dataIndex];
        if (!row) return '';
        return `${html(labelOf(row))}<br>${html(t(`metric_${row.metric}`))}: ${html(amount(row.actual, row))} / `
          + `${html(amount(row.target, row))}<br>${html(t('goalsAttainment'))}: <b>${html(percent(row.attainment))}</b>`
          + `<br>${html(t('goalsElapsed'))}: ${html(percent(row.elapsed))} · ${html(t('goalsPace'))}: ${html(percent(row.pace))}`;
      },
    },
    xAxis: { type: 'value', axisLabel: { formatter: (v) => `${Math.round(v * 100)}%` } },
    yAxis: { type: 'category', data: labels, inverse: true },
    series: [
      {
        id: 'attainment', name: t('goalsAttainment'), type: 'bar', barMaxWidth: 28,
        data: rows.map((row) => ({ value: Number(row.attainment), itemStyle: { color: row.behindPace ? BEHIND : ON_PACE } })),
      },
      {
        id: 'pace', name: t('goalsPaceMarker'), type: 'scatter', symbol: 'rect', symbolSize: [4, 26], z: 3,
        itemStyle: { color: '#222' }, data: rows.map((row) => Number(row.elapsed)),
      },
    ],
  }, { replaceMerge: ['series'] });
}

function renderTable(rows, canEdit) {
  document.querySelectorAll('.editor-only').forEach((cell) => { cell.hidden = !canEdit; });
  $('goals-body').replaceChildren(...rows.map((row) => el('tr', { className: row.behindPace ? 'behind' : '' },
    el('th', { scope: 'row', textContent: who(row) }),
    el('td', { textContent: t(`metric_${row.metric}`) }),
    el('td', { textContent: `${row.periodStart} – ${row.periodEnd}` }),
    el('td', { className: 'num' }, el('button', {
      type: 'button', className: 'link goal-actual', textContent: amount(row.actual, row), onclick: () => openGoal(row),
    })),
    el('td', { className: 'num', textContent: amount(row.target, row) }),
    el('td', { className: 'num', textContent: percent(row.attainment) }),
    el('td', { className: 'num', textContent: percent(row.elapsed) }),
    el('td', { className: 'num', textContent: `${percent(row.pace)}${row.behindPace ? ` · ${t('goalsBehind')}` : ''}` }),
    ...(canEdit ? [el('td', {}, el('button', {
      type: 'button', className: 'link', textContent: t('goalsRemove'), onclick: () => onRemove(row.goalId),
    }))] : []))));
  if (rows.length === 0) {
    $('goals-body').replaceChildren(el('tr', {}, el('td', { colSpan: 8, className: 'empty', textContent: t('goalsNone') })));
  }
}

/**
 * Every number traceable: a goal's actual opens what it counts in the goal's period (its last day
 * inclusive, as the API gives it), for its rep or team: the follow-ups, the new customers (each
 * one's first follow-up) or the sales in its currency, whose amounts add up to the revenue.
 */
function openGoal(row) {
  const params = {
    from: row.periodStart, to: row.periodEnd, ...(row.scope === 'TEAM' ? { teamId: row.teamId } : { repId: row.repId }),
  };
  const list = { FOLLOW_UPS_PER_WEEK: 'follow-ups', NEW_CUSTOMERS_PER_MONTH: 'new-customers' }[row.metric] ?? 'sales';
  openDrill(list, list === 'sales' ? { ...params, currency: row.currency } : params,
    `${who(row)} · ${t(`metric_${row.metric}`)} · ${row.periodStart}`);
}

function renderLeaderboard(board) {
  const rows = board.rows.map((place) => place.attainment);
  $('leaderboard-hint').textContent = board.teamId
    ? t('goalsLeaderboardHint', { team: board.teamId, metric: t(`metric_${readFilters().metric}`) }) : '';
  renderAttainment(charts.leaderboard, rows, (row) => row.repId);
  $('leaderboard-body').replaceChildren(...board.rows.map((place) => el('tr', {},
    el('td', { className: 'num', textContent: String(place.rank) }),
    el('th', { scope: 'row', textContent: place.attainment.repId }),
    el('td', { className: 'num', textContent: amount(place.attainment.actual, place.attainment) }),
    el('td', { className: 'num', textContent: amount(place.attainment.target, place.attainment) }),
    el('td', { className: 'num', textContent: percent(place.attainment.attainment) }),
    el('td', { className: 'num', textContent: percent(place.attainment.pace) }))));
}

function draw(last) {
  const f = readFilters();
  const exportQuery = new URLSearchParams({ day: f.day });
  if (f.teamId) exportQuery.set('teamId', f.teamId);
  if (f.repId) exportQuery.set('repId', f.repId);
  $('export-csv').href = `/api/v1/exports/goals?format=csv&${exportQuery}`;
  $('export-xlsx').href = `/api/v1/exports/goals?format=xlsx&${exportQuery}`;
  if (!last) return;
  const { data } = last;
  const canEdit = data.me?.role === 'ADMIN' || data.me?.role === 'MANAGER';
  $('goal-editor').hidden = !canEdit;
  renderAttainment(charts.attainment, data.rows, (row) => `${who(row)} · ${t(`metric_${row.metric}`)}`);
  renderTable(data.rows, canEdit);
  renderLeaderboard(data.board);
}

function showFormError(message) {
  const error = $('goal-form-error');
  error.textContent = message ?? '';
  error.hidden = !message;
}

async function onSave(event) {
  event.preventDefault();
  const scope = $('goal-scope').value;
  const goal = {
    scope, repId: scope === 'REP' ? $('goal-rep').value.trim() : null, teamId: $('goal-team').value.trim(),
    metric: $('goal-metric').value, periodStart: $('goal-period').value, target: $('goal-target').value.trim(),
    currency: $('goal-currency').value.trim() || null,
  };
  try {
    await saveGoal(goal);
    showFormError(null);
    page.requestRefresh({ restart: true });
  } catch (err) {
    showFormError(err.detail ?? String(err));
  }
}

async function onRemove(goalId) {
  try {
    await removeGoal(goalId);
    page.requestRefresh({ restart: true });
  } catch (err) {
    showFormError(err.detail ?? String(err));
  }
}

initFilters();
// a goal's bar, on either chart, opens what its actual counts
charts.attainment.on('click', ({ dataIndex }) => page.last?.data.rows[dataIndex] && openGoal(page.last.data.rows[dataIndex]));
charts.leaderboard.on('click', ({ dataIndex }) => {
  const place = page.last?.data.board.rows[dataIndex];
  if (place) openGoal(place.attainment);
});
initLanguageSwitch(page.render);
window.addEventListener('resize', () => Object.values(charts).forEach((chart) => chart.resize()));
page.live(['activity', 'funnel']);
page.requestRefresh({ restart: true, spinner: true });
