// The duplicate flags list and a customer's follow-up history. Built with DOM calls and
// textContent only: customer ids, names, rep ids, contents and dismissal reasons are typed in by
// people, so they must render as text, never as markup.
import { t, locale, currentLang } from './i18n.js';
import { formatCount, TYPE_COLORS } from './charts.js';

/** In the order the page groups them. */
export const FLAG_TYPES = ['DUPLICATE_CUSTOMER', 'MULTI_REP', 'DUPLICATE_ENTRY'];

/**
 * Rebuilds the list: one section per type (or only `type`), each a table of its flags.
 * options: {status, type, selectedCustomer, onCustomer(customerId), onDismiss(row)}.
 * The poll asks every 15 s; an unchanged list is left alone so a selection or focus survives,
 * and a changed one finds the focused control again by its data-focus-key.
 */
export function renderFlagList(container, rows, options) {
  if (unchanged(container, [rows, options.status, options.type, options.selectedCustomer])) return;
  const focusKey = container.contains(document.activeElement) ? document.activeElement.dataset.focusKey : null;
  const types = options.type ? [options.type] : FLAG_TYPES;
  container.replaceChildren(...types.map((type) =>
    flagGroup(type, rows.filter((row) => row.type === type), options)));
  if (focusKey) {
    [...container.querySelectorAll('[data-focus-key]')].find((el) => el.dataset.focusKey === focusKey)?.focus();
  }
}

function flagGroup(type, rows, options) {
  const section = el('section', { className: 'panel flag-group' });
  section.dataset.group = type;
  const headingId = `group-${type}`;
  const count = el('span', { className: 'count-badge', textContent: formatCount(rows.length) });
  const heading = el('h2', { id: headingId }, el('span', { className: 'type-dot', ariaHidden: 'true' }),
    el('span', { textContent: t(`type_${type}`) }), count);
  heading.querySelector('.type-dot').style.background = TYPE_COLORS[type];
  section.setAttribute('aria-labelledby', headingId);
  section.append(el('header', {}, heading, el('p', { className: 'hint', textContent: t(`typeHint_${type}`) })));

  const dismissed = options.status === 'DISMISSED';
  const head = el('tr', {},
    ...['colKey', 'colFlagCustomers', 'colReps', 'colFirstSeen', 'colUpdated', dismissed ? 'colDismissal' : 'colAction']
      .map((key) => el('th', { scope: 'col', textContent: t(key) })));
  const body = el('tbody', {});
  for (const row of rows) body.append(flagRow(row, options, dismissed));
  if (rows.length === 0) {
    body.append(el('tr', {}, el('td', { colSpan: 6, className: 'empty', textContent: t(`noFlags_${options.status}`) })));
  }
  section.append(el('div', { className: 'table-wrap' },
    el('table', { className: 'flag-table' }, el('thead', {}, head), body)));
  return section;
}

function flagRow(row, options, dismissed) {
  const tr = el('tr', {});
  tr.dataset.flagId = row.flagId;
  tr.dataset.type = row.type;

  const [kind, value] = keyParts(row.type, row.key);
  const keyCell = el('td', { className: 'flag-key', title: row.key });
  if (kind) keyCell.append(el('span', { className: 'key-kind', textContent: kind }), ' ');
  keyCell.append(el('code', { textContent: value }));

  const customers = el('td', {}, el('div', { className: 'chips' }, ...(row.customerIds || []).map((id) => {
    const button = el('button', {
      type: 'button',
      className: 'chip customer-link',
      textContent: id,
      title: t('showHistory', { customer: id }),
    });
    button.dataset.customerId = id;
    button.dataset.focusKey = `customer ${row.flagId} ${id}`;
    button.setAttribute('aria-controls', 'customer-history');
    button.setAttribute('aria-pressed', String(id === options.selectedCustomer));
    button.addEventListener('click', () => options.onCustomer(id));
    return button;
  })));

  const reps = el('td', {}, el('div', { className: 'chips' },
    ...(row.repIds || []).map((id) => el('span', { className: 'chip', textContent: id }))));

  let last;
  if (dismissed) {
    last = el('td', { className: 'dismissal' },
      el('div', { textContent: t('dismissedAtBy', { by: row.dismissedBy ?? '—', at: formatTime(row.dismissedAt) }) }),
      el('div', { className: 'muted', textContent: row.dismissedReason ?? '' }));
  } else {
    const button = el('button', { type: 'button', className: 'button', textContent: t('dismiss') });
    button.dataset.focusKey = `dismiss ${row.flagId}`;
    button.dataset.action = 'dismiss';
    button.addEventListener('click', () => options.onDismiss(row));
    last = el('td', {}, button);
    // A dismissed flag that gained a member is open again; the earlier decision stays visible.
    if (row.dismissedBy) {
      last.append(el('p', {
        className: 'reopened muted',
        textContent: t('reopened', { by: row.dismissedBy, reason: row.dismissedReason ?? '' }),
      }));
    }
  }

  tr.append(keyCell, customers, reps, timeCell(row.firstSeenAt), timeCell(row.updatedAt), last);
  return tr;
}

/** [what kind of key, the value]: "phone:13800138000" reads as Phone 13800138000. */
export function keyParts(type, key) {
  if (type === 'MULTI_REP') return [t('key_customer'), key];
  if (type === 'DUPLICATE_ENTRY') return [t('key_entry'), key];
  const match = /^(phone|email|wechat):(.*)$/s.exec(key ?? '');
  return match ? [t(`key_${match[1]}`), match[2]] : ['', key ?? ''];
}

/**
 * The history panel's list for one customer, newest first. state: {customerId, rows, error,
 * loading}; with no customerId the panel only explains itself.
 */
export function renderHistory({ subtitle, status, list }, state) {
  const { customerId, rows, error, loading } = state;
  if (unchanged(list, [customerId, rows, error?.message, loading && !rows])) return;
  if (!customerId) {
    subtitle.textContent = '';
    status.textContent = t('historyHint');
    list.replaceChildren();
    return;
  }
  const first = rows?.find((row) => row.customerName) ?? null;
  const who = first ? `${first.customerName} · ${customerId}` : customerId;
  subtitle.textContent = t('historyOf', { customer: who }) + (first?.company ? ` · ${first.company}` : '');
  if (error) {
    status.textContent = t('historyError', { detail: error.message });
  } else if (loading && !rows) {
    status.textContent = t('loading');
  } else if (rows && rows.length === 0) {
    status.textContent = t('historyEmpty');
  } else {
    status.textContent = '';
  }
  const newestFirst = [...(rows || [])].sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt));
  list.replaceChildren(...newestFirst.map(historyItem));
}

function historyItem(row) {
  const rep = row.repName && row.repName !== row.repId ? `${row.repName} (${row.repId})` : row.repId;
  const meta = el('div', { className: 'history-meta' },
    timeEl(row.occurredAt),
    labelled('historyRep', rep),
    labelled('historyChannel', translated('channel', row.channel)),
    labelled('historyStage', translated('stage', row.stage)));
  const item = el('li', { className: 'history-item' }, meta, el('p', { className: 'history-content', textContent: row.content ?? '' }));
  if (row.result) item.append(el('p', { className: 'hint', textContent: row.result }));
  return item;
}

function labelled(labelKey, value) {
  return el('span', { className: 'history-field' },
    el('span', { className: 'muted', textContent: `${t(labelKey)} ` }), el('span', { textContent: value ?? '—' }));
}

// A code the dictionary does not know (a configured stage, say) shows as itself.
function translated(prefix, code) {
  if (!code) return '—';
  const key = `${prefix}_${code}`;
  const label = t(key);
  return label === key ? code : label;
}

function timeCell(iso) {
  return el('td', { className: 'time' }, timeEl(iso));
}

function timeEl(iso) {
  const time = el('time', { textContent: formatTime(iso) });
  if (iso) time.dateTime = iso;
  return time;
}

/** Date and minute in the browser's zone and the page's language. */
export function formatTime(iso) {
  const ms = Date.parse(iso ?? '');
  if (Number.isNaN(ms)) return '—';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

const drawnFrom = new WeakMap();

/** True when `what` (and the language) is what the element was last drawn from. */
function unchanged(element, what) {
  const signature = JSON.stringify([currentLang(), what]);
  if (drawnFrom.get(element) === signature) return true;
  drawnFrom.set(element, signature);
  return false;
}

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name === 'ariaHidden') node.setAttribute('aria-hidden', value);
    else node[name] = value;
  }
  node.append(...children);
  return node;
}
