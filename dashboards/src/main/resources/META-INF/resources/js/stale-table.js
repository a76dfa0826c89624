// The customers-to-call table and the recently resolved list, with the filtering and sorting
// they need. Built with DOM calls and textContent only: customer names, ids and rep ids are typed
// in by people, so they must render as text, never as markup.
import { t, locale } from './i18n.js';
import { compareKeys } from './aggregate.js';
import { el, formatShortTime, keepingFocus, timeEl, translated, unchanged } from './dom.js';

/** The default pipeline's order, so a stage sorts by progress rather than by name. */
const STAGE_ORDER = ['LEAD', 'QUALIFIED', 'PROPOSAL', 'QUOTE', 'CONTRACT', 'WON', 'LOST'];
const KIND_ORDER = ['STALE', 'OVERDUE', 'ESCALATED'];

/**
 * The sortable columns: the value each compares and the direction a first click sorts in
 * (longest silence and oldest follow-up are what a manager looks for first).
 */
const COLUMNS = {
  customer: { first: 'asc', value: (row) => row.customerName || row.customerId, text: true },
  rep: { first: 'asc', value: (row) => row.repId, text: true },
  team: { first: 'asc', value: (row) => row.teamId, text: true },
  stage: { first: 'asc', value: (row) => stageRank(row.stage) },
  kind: { first: 'asc', value: (row) => KIND_ORDER.indexOf(row.kind) },
  lastFollowUpAt: { first: 'asc', value: (row) => timeOf(row.lastFollowUpAt) },
  daysSince: { first: 'desc', value: (row) => numberOf(row.daysSince) },
  thresholdDays: { first: 'asc', value: (row) => numberOf(row.thresholdDays) },
};

export const SORT_KEYS = Object.keys(COLUMNS);
export const DEFAULT_SORT = { key: 'daysSince', dir: 'desc' };

/** The sort after a click on column `key`: the same column turns around, another starts its way. */
export function nextSort(sort, key) {
  if (sort.key === key) return { key, dir: sort.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: COLUMNS[key].first };
}

/** filters: {rep, team, kind, stage}; an empty value matches every row. */
export function filterRows(rows, { rep, team, kind, stage }) {
  return rows.filter((row) => (!rep || row.repId === rep) && (!team || row.teamId === team)
    && (!kind || row.kind === kind) && (!stage || row.stage === stage));
}

/**
 * A sorted copy. Missing values (no threshold on an overdue alert, no team) go last in both
 * directions; ties fall back to the API's order (longest silence first), then the customer.
 */
export function sortRows(rows, { key, dir }) {
  const column = COLUMNS[key] ?? COLUMNS[DEFAULT_SORT.key];
  const sign = dir === 'desc' ? -1 : 1;
  const collator = new Intl.Collator(locale(), { numeric: true, sensitivity: 'base' });
  const compare = (a, b) => {
    const x = column.value(a);
    const y = column.value(b);
    const xMissing = x === null || x === undefined || x === '';
    const yMissing = y === null || y === undefined || y === '';
    if (xMissing || yMissing) return xMissing === yMissing ? 0 : (xMissing ? 1 : -1);
    return sign * (column.text ? collator.compare(String(x), String(y)) : x - y);
  };
  return [...rows].sort((a, b) => compare(a, b)
    || numberOf(b.daysSince) - numberOf(a.daysSince)
    || compareKeys(a.customerId, b.customerId)
    || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
}

/** The choices each filter offers: what the open alerts contain, in a stable order. */
export function filterChoices(rows) {
  const distinct = (pick) => [...new Set(rows.map(pick).filter((v) => v !== null && v !== undefined && v !== ''))];
  return {
    reps: distinct((row) => row.repId).sort(compareKeys),
    teams: distinct((row) => row.teamId).sort(compareKeys),
    stages: distinct((row) => row.stage).sort((a, b) => stageRank(a) - stageRank(b) || compareKeys(a, b)),
  };
}

/** Marks the sorted column's heading (aria-sort, which the CSS turns into an arrow). */
export function renderSortHeadings(thead, sort) {
  for (const th of thead.querySelectorAll('th[data-sort]')) {
    if (th.dataset.sort === sort.key) th.setAttribute('aria-sort', sort.dir === 'asc' ? 'ascending' : 'descending');
    else th.removeAttribute('aria-sort');
  }
}

/**
 * Rebuilds the rows. options: {selectedCustomer, onCustomer(customerId), emptyKey}. An
 * unchanged table is left alone; a changed one finds the focused button again.
 */
export function renderStaleTable(tbody, rows, options) {
  if (unchanged(tbody, [rows, options.selectedCustomer, options.emptyKey])) return;
  keepingFocus(tbody, () => {
    const trs = rows.map((row) => staleRow(row, options));
    if (trs.length === 0) {
      trs.push(el('tr', {}, el('td', { colSpan: 8, className: 'empty', textContent: t(options.emptyKey) })));
    }
    tbody.replaceChildren(...trs);
  });
}

function staleRow(row, { selectedCustomer, onCustomer }) {
  const tr = el('tr', {});
  tr.dataset.customerId = row.customerId;
  tr.dataset.kind = row.kind;
  if (row.alertId) tr.dataset.alertId = row.alertId;
  const selected = row.customerId === selectedCustomer;
  if (selected) tr.className = 'selected';

  const customer = el('th', { scope: 'row' },
    customerButton(row, selected, onCustomer, `row ${row.alertId ?? row.customerId} ${row.kind}`));
  if (row.customerName && row.customerName !== row.customerId) {
    customer.append(el('div', { className: 'customer-id muted', textContent: row.customerId }));
  }

  const threshold = el('td', { className: 'num' });
  if (row.thresholdDays !== null && row.thresholdDays !== undefined) {
    threshold.textContent = formatDays(row.thresholdDays, 0);
  } else {
    // An overdue alert has no threshold: its planned date is what it missed.
    const due = row.dueAt ?? row.nextFollowUpAt;
    threshold.append(el('span', { className: 'muted due', textContent: t('dueAt', { time: formatShortTime(due) }) }));
  }

  tr.append(
    customer,
    el('td', { className: 'code', textContent: row.repId ?? '—' }),
    row.teamId ? el('td', { className: 'code', textContent: row.teamId })
      : el('td', { className: 'muted', textContent: t('noTeam') }),
    el('td', { textContent: translated('stage', row.stage) }),
    el('td', {}, kindBadge(row.kind)),
    el('td', { className: 'time' }, timeEl(row.lastFollowUpAt, formatShortTime)),
    el('td', { className: 'num days', textContent: formatDays(row.daysSince, 1) }),
    threshold,
  );
  return tr;
}

/**
 * The last resolved alerts, most recently resolved first (the API orders them by opening).
 * options: {selectedCustomer, onCustomer(customerId)}.
 */
export function renderResolved(list, rows, options) {
  if (unchanged(list, [rows, options.selectedCustomer])) return;
  keepingFocus(list, () => {
    const sorted = [...rows].sort((a, b) => (timeOf(b.resolvedAt) ?? 0) - (timeOf(a.resolvedAt) ?? 0));
    const items = sorted.map((row) => {
      const li = el('li', { className: 'resolved-item' },
        el('div', { className: 'resolved-head' },
          customerButton(row, row.customerId === options.selectedCustomer, options.onCustomer, `resolved ${row.alertId}`),
          kindBadge(row.kind)),
        el('div', { className: 'resolved-meta muted' },
          el('span', { textContent: translated('resolution', row.resolution) }),
          el('span', { textContent: row.repId ?? '—' }),
          timeEl(row.resolvedAt, formatShortTime)));
      li.dataset.customerId = row.customerId;
      if (row.alertId) li.dataset.alertId = row.alertId;
      return li;
    });
    if (items.length === 0) items.push(el('li', { className: 'empty muted', textContent: t('noResolved') }));
    list.replaceChildren(...items);
  });
}

function customerButton(row, selected, onCustomer, focusKey) {
  const name = row.customerName || row.customerId;
  const button = el('button', {
    type: 'button',
    className: 'link-button',
    textContent: name,
    title: t('showHistory', { customer: name }),
  });
  button.dataset.customerId = row.customerId;
  button.dataset.focusKey = focusKey;
  button.setAttribute('aria-controls', 'customer-history');
  button.setAttribute('aria-pressed', String(selected));
  button.addEventListener('click', () => onCustomer(row.customerId));
  return button;
}

function kindBadge(kind) {
  const badge = el('span', { className: 'kind-badge', textContent: translated('kind', kind) });
  badge.dataset.kind = kind ?? '';
  if (kind) badge.title = t(`kindHint_${kind}`);
  return badge;
}

/** Days with a fixed number of decimals, in the page's language: 20.4, 14. */
function formatDays(value, decimals) {
  const n = numberOf(value);
  if (n === null) return '—';
  return n.toLocaleString(locale(), { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

// thresholdDays arrives as a decimal (14.000); daysSince as a number.
function numberOf(value) {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isNaN(n) ? null : n;
}

function timeOf(iso) {
  const ms = Date.parse(iso ?? '');
  return Number.isNaN(ms) ? null : ms;
}

// A stage outside the default pipeline sorts after the known ones.
function stageRank(stage) {
  const i = STAGE_ORDER.indexOf(stage);
  return i === -1 ? STAGE_ORDER.length : i;
}
