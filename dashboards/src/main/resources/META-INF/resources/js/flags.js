// The duplicate flags list. Built with DOM calls and textContent only: customer ids, rep ids and
// dismissal reasons are typed in by people, so they must render as text, never as markup.
import { t } from './i18n.js';
import { formatCount, TYPE_COLORS } from './charts.js';
import { el, formatTime, keepingFocus, timeEl, unchanged } from './dom.js';

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
  const types = options.type ? [options.type] : FLAG_TYPES;
  keepingFocus(container, () => container.replaceChildren(...types.map((type) =>
    flagGroup(type, rows.filter((row) => row.type === type), options))));
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

function timeCell(iso) {
  return el('td', { className: 'time' }, timeEl(iso));
}
