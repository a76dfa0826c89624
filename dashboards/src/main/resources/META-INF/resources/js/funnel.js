// Wires the funnel page: cohort filters -> one load -> cards, conversion rates, charts and
// tables; the export links follow the filters. Live pushes ("funnel", "activity") and the poll
// only ask for a refresh. Test hooks: body[data-state], body[data-render-count],
// window.pulseCharts = {funnel, transitions, timeInStage, lostReasons, cycle}.
import { initLanguageSwitch } from './header.js';
import { createFilterBar, setUrlParam } from './filter-bar.js';
import {
  loadFunnel, lostReasonsExportUrl, stageConversionExportUrl,
} from './api.js';
import { bucketLabel, createCycleChart, renderCycle, renderVelocity } from './cycle.js';
import { createLostReasonsChart, renderLostReasons } from './lost-reasons.js';
import { formatCount } from './charts.js';
import { createFunnelCharts, renderFunnel, renderTimeInStage, renderTransitions } from './funnel-charts.js';
import {
  funnelStages, renderBackwardTable, renderConversionList, renderRepConversion, splitTransitions, stageModel,
  timeInStageRows,
} from './funnel-view.js';
import { formatPercent } from './dom.js';
import { t } from './i18n.js';
import { createRefresh } from './refresh.js';
import { drillable, openDrill } from './drill.js';

const $ = (id) => document.getElementById(id);
const GROUP_BY = ['month', 'rep', 'team'];
const LOST_GROUP_BY = ['none', 'stage', 'rep', 'team', 'source'];

const charts = {
  ...createFunnelCharts($('chart-funnel'), $('chart-transitions'), $('chart-time-in-stage')),
  lostReasons: createLostReasonsChart($('chart-lost-reasons')),
  cycle: createCycleChart($('chart-cycle')),
};
window.pulseCharts = charts;

const page = createRefresh({
  charts,
  load: async (signal) => {
    const filters = { ...(await filterBar.read(signal)), lostGroupBy: $('lost-group-by').value };
    return { filters, data: await loadFunnel(filters, signal) };
  },
  what: 'the funnel',
  draw,
});

// ---- filters -------------------------------------------------------------------------------

// Range (the cohort), team, rep and source: the shared bar (js/filter-bar.js); the export's and
// the lost reasons' split are this page's own.
const filterBar = createFilterBar({
  defaultRange: 'last_90_days', fromKey: 'cohortFrom', toKey: 'cohortTo', hintKey: 'cohortHint',
  onChange: onFilterChange,
});

function initFilters() {
  const params = new URLSearchParams(location.search);
  $('export-group-by').value = GROUP_BY.includes(params.get('groupBy')) ? params.get('groupBy') : 'month';
  $('export-group-by').addEventListener('change', () => {
    setUrlParam('groupBy', $('export-group-by').value, 'month');
    renderExportLinks();
  });
  $('lost-group-by').value = LOST_GROUP_BY.includes(params.get('lostBy')) ? params.get('lostBy') : 'none';
  $('lost-group-by').addEventListener('change', () => {
    setUrlParam('lostBy', $('lost-group-by').value, 'none');
    onFilterChange();
  });
}

function readFilters() {
  return { ...filterBar.current(), lostGroupBy: $('lost-group-by').value };
}

function onFilterChange() {
  renderExportLinks();
  page.requestRefresh({ restart: true, spinner: true });
}

function renderExportLinks() {
  const f = readFilters();
  const groupBy = $('export-group-by').value;
  $('export-csv').href = stageConversionExportUrl('csv', f, groupBy);
  $('export-xlsx').href = stageConversionExportUrl('xlsx', f, groupBy);
  $('lost-export-csv').href = lostReasonsExportUrl('csv', f);
  $('lost-export-xlsx').href = lostReasonsExportUrl('xlsx', f);
}

/** A lost-reasons group's name: a stage's name, a rep, team or source as typed, or "all". */
function lostGroupLabel(group, groupBy, model) {
  if (groupBy === 'none') return t('lostAll');
  if (group == null) return groupBy === 'team' ? t('noTeam') : t('noValue');
  return groupBy === 'stage' ? model.nameOf(group) : group;
}

// ---- every number traceable ------------------------------------------------------------------
// A funnel figure opens the cohort's customers it counts, for the filters it was drawn with.

function initDrill() {
  const cohort = () => {
    const { from, to, teamId, repId, source } = page.last.filters;
    return { from, to, teamId, repId, source };
  };
  const open = (params, caption) => page.last && openDrill('funnel', { ...cohort(), ...params }, caption);
  const nameOf = (code) => stageModel(page.last?.data.stages || [], []).nameOf(code);
  const wonStage = () => (page.last?.data.stages || []).find((s) => s.terminal && s.code !== 'LOST')?.code;
  drillable($('cohort-customers'), () => open({ measure: 'all' }, t('drillCohort')));
  drillable($('cohort-won'), () => wonStage() && open({ measure: 'current', stage: wonStage() }, t('drillWon')));
  drillable($('cohort-lost'), () => open({ measure: 'current', stage: 'LOST' }, t('drillLost')));
  // the velocity's first part: the cohort's customers neither won nor lost now
  drillable($('velocity-open'), () => open({ measure: 'open' }, t('drillOpen')));
  charts.funnel.on('click', (point) => point.data?.stage
    && open({ measure: 'reached', stage: point.data.stage }, t('drillReached', { stage: nameOf(point.data.stage) })));
  // a cycle-length bar: the closed customers of its outcome whose days fall in its bucket
  charts.cycle.on('click', ({ data: { outcome, bucket } }) => page.last && openDrill('cycle', {
    ...cohort(), outcome, fromDays: bucket.fromDays, toDays: bucket.toDays ?? undefined,
  }, t('cycleCustomersOf', { outcome: t(outcome === 'WON' ? 'cycleWon' : 'cycleLost'), bucket: bucketLabel(bucket) })));
  // a lost-reasons bar: its group's lost customers of its reason (or of the reasons folded into "other")
  charts.lostReasons.on('click', ({ data: { group, key, other }, name, seriesName }) => page.last && openDrill('lost', {
    ...cohort(), groupBy: page.last.filters.lostGroupBy, group: group ?? undefined, reason: other ? undefined : key,
  }, t('lostCustomersOf', { reason: seriesName, group: name })));
  // the win rate is a ratio: its list is the denominator, the decided customers each with its outcome
  for (const id of ['win-rate', 'velocity-win-rate']) {
    drillable($(id), () => page.last && openDrill('decided', { ...cohort(), measure: 'decided' }, t('drillDecided')));
  }
  // the velocity's cycle days: the won customers, each with the days its average is taken over
  drillable($('velocity-cycle'), () => page.last && openDrill('cycle', { ...cohort(), outcome: 'WON' }, t('drillWonCycle')));
  // its average deal: the won customers' sales, per currency summed over the customers among them
  drillable($('velocity-deal'), () => page.last && openDrill('won-sales', cohort(), t('drillWonSales')));
  // a rep's cohort customers in the rep-conversion table (the cohort's customers the rep owns), those with a sale,
  // or their sales (the revenue cell, each currency summed apart)
  $('rep-conversion-body').addEventListener('click', (event) => {
    const cell = event.target.closest('td.drillable');
    const repId = cell?.parentElement.dataset.repId;
    if (!repId) return;
    if (cell.dataset.figure === 'with-sale') open({ measure: 'with_sale', repId }, t('drillWithSale', { who: repId }));
    else if (cell.dataset.figure === 'revenue') openDrill('cohort-sales', { ...cohort(), repId }, t('drillRevenueOf', { who: repId }));
    else open({ measure: 'all', repId }, `${t('drillCohort')} · ${repId}`);
  });
  // a transition (a Sankey link or a row of the moves-back table): the stage changes it counts
  const moves = (fromStage, toStage) => page.last && openDrill('stage-transitions', { ...cohort(), fromStage, toStage },
    t('drillMoves', { from: nameOf(fromStage), to: nameOf(toStage) }));
  charts.transitions.on('click', (point) => point.dataType === 'edge' && moves(point.data.source, point.data.target));
  $('backward-table-body').addEventListener('click', (event) => {
    const row = event.target.closest('tr.drillable');
    if (row) moves(row.dataset.from, row.dataset.to);
  });
  // a stage's time in stage: the customers whose days it takes the median of
  charts.timeInStage.on('click', (point) => point.data?.stage && page.last && openDrill('time-in-stage',
    { ...cohort(), stage: point.data.stage }, t('drillTimeIn', { stage: nameOf(point.data.stage) })));
  // a conversion's numerator: those of the cohort that reached its later stage
  $('conversion-list').addEventListener('click', (event) => {
    const item = event.target.closest('li.conversion');
    if (item) open({ measure: 'reached', stage: item.dataset.to }, t('drillReached', { stage: nameOf(item.dataset.to) }));
  });
}

// ---- rendering -----------------------------------------------------------------------------

function draw(last) {
  renderExportLinks();
  if (!last) return;
  const { filters, data } = last;
  const model = stageModel(data.stages, data.funnel.stages);
  const nameOf = (code) => model.nameOf(code);
  const count = (n) => (typeof n === 'number' ? formatCount(n) : '—');
  $('cohort-customers').textContent = count(data.funnel.customers);
  $('cohort-won').textContent = count(data.funnel.won);
  $('cohort-lost').textContent = count(data.funnel.lost);
  $('win-rate').textContent = formatPercent(data.funnel.winRate);
  renderConversionList($('conversion-list'), model, data.funnel.conversions || []);
  renderFunnel(charts.funnel, funnelStages(model, data.funnel), nameOf);
  const transitions = splitTransitions(model, data.transitions);
  renderTransitions(charts.transitions, transitions.forward, [...model.forward, 'LOST'], nameOf);
  renderBackwardTable($('backward-table-body'), model, transitions.back);
  renderTimeInStage(charts.timeInStage, timeInStageRows(model, data.timeInStage), nameOf);
  renderRepConversion($('rep-conversion-body'), data.repConversion, filters.repId);
  renderCycle(charts.cycle, data.cycle);
  renderVelocity(data.velocity);
  renderLostReasons(charts.lostReasons, data.lostReasons,
    (group) => lostGroupLabel(group, filters.lostGroupBy, model));
}

// ---- start ---------------------------------------------------------------------------------

initFilters();
initDrill();
initLanguageSwitch(page.render);
window.addEventListener('resize', () => {
  for (const chart of Object.values(charts)) chart.resize();
});
// "activity" too: a follow-up or a sale moves customers through the funnel and the rep table.
page.live(['funnel', 'activity']);
page.requestRefresh({ restart: true, spinner: true });
