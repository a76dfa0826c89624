// Small DOM helpers the pages share. Everything a person typed (names, ids, contents) goes in
// through textContent or a property, never as markup.
import { t, locale, currentLang } from './i18n.js';

/** el('td', {className: 'num', textContent: '3'}, child...): props are set as properties. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name === 'ariaHidden') node.setAttribute('aria-hidden', value);
    else node[name] = value;
  }
  node.append(...children);
  return node;
}

/** A decimal string or number ("12345.00") as money; parsing it is only for display. */
export function formatMoney(value, currency = 'CNY') {
  const n = Number(value);
  if (value == null || value === '' || Number.isNaN(n)) return '—';
  return new Intl.NumberFormat(locale(), { style: 'currency', currency }).format(n);
}

/** ISO 4217's "no currency": revenue projected before Pulse kept currencies (see DESIGN.md). */
const UNKNOWN_CURRENCY = 'XXX';

/**
 * Revenue per currency ({"CNY": "12300.00", "USD": "450.00"}) as "¥12,300.00 · US$450.00", each
 * currency on its own: amounts in different currencies are never added. A dash without sales.
 * The text is set with textContent by the callers; a code Intl does not know is shown as it is.
 */
export function formatRevenue(byCurrency) {
  const entries = Object.entries(byCurrency ?? {}).filter(([, amount]) => amount != null && amount !== '');
  if (entries.length === 0) return '—';
  return entries
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, amount]) => {
      if (code === UNKNOWN_CURRENCY) return `${formatNumber(amount)} (${t('unknownCurrency')})`;
      try {
        return formatMoney(amount, code);
      } catch {
        return `${code} ${formatNumber(amount)}`; // not a currency this browser knows: the code, plainly
      }
    })
    .join(' · ');
}

function formatNumber(value) {
  const n = Number(value);
  return Number.isNaN(n) ? String(value)
    : new Intl.NumberFormat(locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
}

/** A share (0.6, or "0.6000") as a percentage ("60%"), a dash when there is none (nothing to divide by). */
export function formatPercent(rate) {
  const n = Number(rate);
  if (rate == null || rate === '' || Number.isNaN(n)) return '—';
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(n);
}

/**
 * Fills a select's options after its first ("all") one with values (plus `selected`, so a choice
 * never silently resets) and selects it. Rebuilt only when the choices or the language changed,
 * so the poll does not reset an open dropdown.
 */
export function fillOptions(select, values, selected, labelOf = (value) => value) {
  const all = [...new Set([...values, ...(selected ? [selected] : [])])];
  if (!unchanged(select, all)) {
    select.replaceChildren(select.options[0], ...all.map((value) => new Option(labelOf(value), value)));
  }
  select.value = selected;
}

/** Date and minute in the browser's zone and the page's language. */
export function formatTime(iso) {
  const ms = Date.parse(iso ?? '');
  if (Number.isNaN(ms)) return '—';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** Month, day and minute, the year only when it is not this one: for narrow table columns. */
export function formatShortTime(iso) {
  const ms = Date.parse(iso ?? '');
  if (Number.isNaN(ms)) return '—';
  const sameYear = new Date(ms).getFullYear() === new Date().getFullYear();
  return new Intl.DateTimeFormat(locale(), {
    year: sameYear ? undefined : 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit',
  }).format(ms);
}

/** A <time> showing format(iso) (formatTime unless told), machine-readable too, the full time on hover. */
export function timeEl(iso, format = formatTime) {
  const time = el('time', { textContent: format(iso) });
  if (iso) {
    time.dateTime = iso;
    if (format !== formatTime) time.title = formatTime(iso);
  }
  return time;
}

/** A code's label (stage_LEAD, channel_PHONE...); a code the dictionary does not know shows as itself. */
export function translated(prefix, code) {
  if (!code) return '—';
  const key = `${prefix}_${code}`;
  const label = t(key);
  return label === key ? code : label;
}

const drawnFrom = new WeakMap();

/**
 * True when `what` (and the language) is what the element was last drawn from. The poll asks
 * every 15 s; skipping an identical redraw keeps a selection, a scroll position or focus.
 */
export function unchanged(element, what) {
  const signature = JSON.stringify([currentLang(), what]);
  if (drawnFrom.get(element) === signature) return true;
  drawnFrom.set(element, signature);
  return false;
}

/** Remembers which control had focus inside container (by data-focus-key) across a rebuild. */
export function keepingFocus(container, rebuild) {
  const focusKey = container.contains(document.activeElement) ? document.activeElement.dataset.focusKey : null;
  rebuild();
  if (focusKey) {
    [...container.querySelectorAll('[data-focus-key]')].find((node) => node.dataset.focusKey === focusKey)?.focus();
  }
}
