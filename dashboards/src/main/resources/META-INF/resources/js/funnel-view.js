// What the funnel page draws besides its charts: stage names and order from the pipeline, the
// split of transitions into what a Sankey can draw and what it cannot, the conversion list, the
// moves-back table and the per-rep table. DOM calls and textContent only: rep and team ids and
// stage names are typed in by people or configured, so they render as text, never as markup.
import { currentLang, t } from './i18n.js';
import { compareKeys } from './aggregate.js';
import { formatCount } from './charts.js';
import { el, formatPercent, formatRevenue, translated, unchanged } from './dom.js';

const LOST = 'LOST';

/**
 * The stages as the pipeline configures them. nameOf(code) answers in the current language:
 * the pipeline's name, else the funnel answer's, else the dictionary's, else the code.
 * forward: the stages a customer moves through (LOST, order 0, is not one), in order.
 */
export function stageModel(pipelineStages, funnelStages = []) {
  const byCode = new Map();
  for (const s of funnelStages) byCode.set(s.stage, { code: s.stage, nameZh: s.nameZh, nameEn: s.nameEn });
  for (const s of pipelineStages) byCode.set(s.code, { ...byCode.get(s.code), ...s });
  const forward = pipelineStages.filter((s) => s.code !== LOST && s.order > 0)
    .sort((a, b) => a.order - b.order);
  const rank = new Map(forward.map((s, i) => [s.code, i]));
  return {
    forward: forward.map((s) => s.code),
    // Stages where a customer can wait: time in stage has nothing to measure on WON.
    open: forward.filter((s) => !s.terminal).map((s) => s.code),
    rank: (code) => rank.get(code),
    nameOf(code) {
      const stage = byCode.get(code);
      const name = currentLang() === 'zh' ? stage?.nameZh : stage?.nameEn;
      return name || stage?.nameEn || stage?.nameZh || translated('stage', code);
    },
  };
}

/** The funnel's forward stages in order, 0 for a stage nobody reached. */
export function funnelStages(model, funnel) {
  const byStage = new Map((funnel?.stages || []).map((row) => [row.stage, row]));
  return model.forward.map((stage) => ({
    stage,
    reached: byStage.get(stage)?.reached ?? 0,
    current: byStage.get(stage)?.current ?? 0,
  }));
}

/**
 * ECharts' Sankey refuses cycles, so it gets the moves that keep to the pipeline's order (to a
 * later stage, or to LOST from any stage); the rest (back to an earlier stage, out of LOST,
 * stages the pipeline does not know) go to the table beside it. Each part biggest first.
 */
export function splitTransitions(model, rows) {
  const forward = [];
  const back = [];
  for (const row of rows) {
    const from = model.rank(row.from);
    const to = model.rank(row.to);
    const drawable = from !== undefined && (row.to === LOST || (to !== undefined && to > from));
    (drawable ? forward : back).push(row);
  }
  const byCount = (a, b) => b.count - a.count || compareKeys(a.from, b.from) || compareKeys(a.to, b.to);
  return { forward: forward.sort(byCount), back: back.sort(byCount) };
}

/** Time in stage for every stage a customer can wait in, in order; stages the API adds go last. */
export function timeInStageRows(model, rows) {
  const byStage = new Map(rows.map((row) => [row.stage, row]));
  const extra = rows.filter((row) => !model.open.includes(row.stage)).map((row) => row.stage);
  return [...model.open, ...extra].map((stage) => byStage.get(stage) ?? { stage, customers: 0, medianDays: null });
}

/** One item per adjacent pair: "Lead → Qualified" over its rate, marked with data-from/data-to. */
export function renderConversionList(list, model, conversions) {
  const rows = [...conversions].sort((a, b) => (model.rank(a.from) ?? 99) - (model.rank(b.from) ?? 99));
  if (unchanged(list, rows)) return;
  const items = rows.map((row) => {
    const item = el('li', { className: 'conversion drillable' },
      el('span', { className: 'conversion-pair' },
        el('span', { textContent: model.nameOf(row.from) }),
        el('span', { className: 'arrow', textContent: ' → ', ariaHidden: 'true' }),
        el('span', { textContent: model.nameOf(row.to) })),
      el('span', { className: 'conversion-rate', textContent: formatPercent(row.rate) }));
    item.dataset.from = row.from;
    item.dataset.to = row.to;
    item.title = t('conversionOf', { from: model.nameOf(row.from), to: model.nameOf(row.to) });
    return item;
  });
  if (items.length === 0) items.push(el('li', { className: 'empty muted', textContent: t('noCohort') }));
  list.replaceChildren(...items);
}

/** The moves the Sankey leaves out. */
export function renderBackwardTable(tbody, model, rows) {
  if (unchanged(tbody, rows)) return;
  const trs = rows.map((row) => {
    // a move of stages the pipeline knows opens its stage changes (funnel.js); the API takes pipeline stages only
    const known = (code) => code === LOST || model.rank(code) !== undefined;
    const tr = el('tr', { className: known(row.from) && known(row.to) ? 'drillable' : '' },
      el('td', { textContent: model.nameOf(row.from) }),
      el('td', { textContent: model.nameOf(row.to) }),
      el('td', { className: 'num', textContent: formatCount(row.count) }));
    tr.dataset.from = row.from;
    tr.dataset.to = row.to;
    return tr;
  });
  if (trs.length === 0) trs.push(el('tr', {}, el('td', { colSpan: 3, className: 'empty', textContent: t('noBackward') })));
  tbody.replaceChildren(...trs);
}

/** Follow-up to sale per rep, most customers first; the chosen rep's row (if any) is marked. */
export function renderRepConversion(tbody, rows, selectedRep) {
  const sorted = [...rows].sort((a, b) => (b.customers ?? 0) - (a.customers ?? 0) || compareKeys(a.repId, b.repId));
  if (unchanged(tbody, [sorted, selectedRep])) return;
  const trs = sorted.map((row) => {
    // the rep's customers with a sale and their sales open their lists too (funnel.js tells the cells apart by data-figure)
    const withSale = el('td', {
      className: row.repId == null ? 'num' : 'num drillable', textContent: formatCount(row.customersWithSale ?? 0),
    });
    withSale.dataset.figure = 'with-sale';
    const revenue = el('td', {
      className: row.repId == null ? 'num' : 'num drillable', textContent: formatRevenue(row.revenueByCurrency),
    });
    revenue.dataset.figure = 'revenue';
    const tr = el('tr', { className: row.repId === selectedRep ? 'selected' : '' },
      el('th', { scope: 'row', textContent: row.repId ?? '—' }),
      el('td', { textContent: row.teamId ?? t('noTeam'), className: row.teamId == null ? 'muted' : '' }),
      // the rep's cohort customers open their list (funnel.js)
      el('td', { className: row.repId == null ? 'num' : 'num drillable', textContent: formatCount(row.customers ?? 0) }),
      withSale,
      revenue,
      el('td', { className: 'num strong', textContent: formatPercent(row.conversion) }));
    tr.dataset.repId = row.repId ?? '';
    return tr;
  });
  if (trs.length === 0) trs.push(el('tr', {}, el('td', { colSpan: 6, className: 'empty', textContent: t('noCohort') })));
  tbody.replaceChildren(...trs);
}
