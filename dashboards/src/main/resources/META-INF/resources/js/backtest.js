// The stale page's backtest panel: proposed thresholds and ladder waits (pre-filled with the
// rules in force) -> GET /api/v1/alerts/backtest -> a stacked bar per ISO week (alerts,
// escalations, releases) and a per-team table. Waits are typed in days (0.5 = 12 hours) and sent
// as ISO-8601 durations. Every text from the API goes in through textContent.
// Test hooks: #backtest[data-state] (idle, loading, ready, error), window.pulseCharts.backtest.
import { t } from './i18n.js';
import { loadBacktestRules, loadMe, loadPipeline, runBacktest } from './api.js';
import { barOption, emptyTitle, formatCount } from './charts.js';
import { el, translated } from './dom.js';

/* global echarts -- loaded as a classic script from the webjar before this module runs */

const SERIES = ['alerts', 'escalations', 'releases'];
const SERIES_COLORS = ['#d98a00', '#7b3fb5', '#c62f45'];
const COLUMNS = ['alerts', 'escalations', 'releases', 'claims', 'overdue'];
const SHOWN_TO = ['MANAGER', 'ADMIN', 'BI'];

/** Days (a number, possibly fractional) from an ISO-8601 duration such as P14D, PT36H or PT1H30M. */
export function daysOf(iso) {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(iso || '');
  if (!m) return null;
  const [, d, h, min, s] = m.map((part) => Number(part || 0));
  return Math.round((d + h / 24 + min / 1440 + s / 86400) * 1000) / 1000;
}

/** An ISO-8601 duration from days typed in a field: whole days as PnD, else whole hours; '' when empty. */
export function isoOf(days) {
  if (days === '' || days === null || Number.isNaN(Number(days))) return '';
  const n = Number(days);
  return Number.isInteger(n) ? `P${n}D` : `PT${Math.round(n * 24)}H`;
}

function chartSkeleton() {
  return {
    ...barOption(),
    color: SERIES_COLORS,
    xAxis: { type: 'category', data: [] },
    series: SERIES.map((key) => ({ id: key, type: 'bar', stack: 'backtest', barMaxWidth: 48, data: [] })),
  };
}

export function createBacktestPanel(root) {
  const $ = (id) => root.querySelector(`#${id}`);
  const chart = echarts.init($('chart-backtest'));
  chart.setOption(chartSkeleton());
  let stages = [];
  let last = null;

  function setState(state, message = '') {
    root.dataset.state = state;
    $('backtest-run').disabled = state === 'loading';
    $('backtest-error').hidden = state !== 'error';
    $('backtest-error').textContent = message;
  }

  function field(stage, kind, days) {
    return el('input', {
      type: 'number', min: '0.05', max: '365', step: 'any', value: days ?? '', className: 'backtest-days',
      name: `${kind}-${stage}`,
    });
  }

  function fillForm(rules) {
    const body = $('backtest-stages');
    body.replaceChildren(...stages.map((stage) => {
      const ladder = rules.ladder?.[stage] ?? {};
      const row = el('tr', {},
        el('th', { scope: 'row', textContent: translated('stage', stage) }),
        el('td', { className: 'num' }, field(stage, 'stale', daysOf(rules.stale?.[stage]))),
        el('td', { className: 'num' }, field(stage, 'escalate', daysOf(ladder.managerAfter))),
        el('td', { className: 'num' }, field(stage, 'release', daysOf(ladder.releaseAfter))));
      row.dataset.stage = stage;
      return row;
    }));
    $('backtest-overdue').checked = rules.overdue !== false;
  }

  /** The form as the API's query: stale=LEAD:P14D,... and ladder=LEAD:P3D/P7D,... (empty: no ladder). */
  function proposal() {
    const stale = [];
    const ladder = [];
    for (const stage of stages) {
      const value = (kind) => isoOf(root.querySelector(`input[name="${kind}-${stage}"]`).value.trim());
      if (value('stale')) stale.push(`${stage}:${value('stale')}`);
      if (value('escalate') || value('release')) ladder.push(`${stage}:${value('escalate')}/${value('release')}`);
    }
    return {
      stale: stale.join(','), ladder: ladder.join(','), overdue: $('backtest-overdue').checked,
      from: $('backtest-from').value, to: $('backtest-to').value,
    };
  }

  /** Stage names and the answer again, in the language just chosen. */
  function render() {
    for (const row of $('backtest-stages').rows) row.cells[0].textContent = translated('stage', row.dataset.stage);
    if (!last) return;
    chart.setOption({
      title: emptyTitle(last.weeks.length === 0),
      xAxis: { data: last.weeks.map((w) => w.week) },
      series: SERIES.map((key) => ({ id: key, name: t(`backtest_${key}`), data: last.weeks.map((w) => w[key]) })),
    });
    const total = last.total;
    $('backtest-summary').textContent = t('backtestSummary', {
      from: last.from, to: last.to, alerts: formatCount(total.alerts), escalations: formatCount(total.escalations),
      releases: formatCount(total.releases),
    });
    const rows = last.teams.map((team) => el('tr', {},
      el('th', { scope: 'row', textContent: team.teamId ?? t('noTeam') }),
      ...COLUMNS.map((key) => el('td', { className: 'num', textContent: formatCount(team[key]) }))));
    $('backtest-teams-body').replaceChildren(...(rows.length ? rows
      : [el('tr', {}, el('td', { colSpan: COLUMNS.length + 1, className: 'hint', textContent: t('backtestNothing') }))]));
  }

  async function run(event) {
    event?.preventDefault();
    setState('loading');
    try {
      last = await runBacktest(proposal());
      render();
      setState('ready');
    } catch (err) {
      setState('error', err.detail || err.message);
    }
  }

  async function start() {
    const me = await loadMe().catch(() => null);
    if (!me || !SHOWN_TO.includes(me.role)) return; // a rep's answer would be 403: the panel stays hidden
    root.hidden = false;
    chart.resize(); // drawn while hidden, it had no size
    try {
      const [pipeline, rules] = await Promise.all([loadPipeline(), loadBacktestRules()]);
      stages = pipeline.filter((stage) => !stage.terminal).map((stage) => stage.code);
      fillForm(rules);
      $('backtest-form').addEventListener('submit', run);
    } catch (err) {
      setState('error', err.detail || err.message);
    }
  }

  start();
  return { chart, render, resize: () => chart.resize() };
}
