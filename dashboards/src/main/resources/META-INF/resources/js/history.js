// The "follow-up history" side panel: one customer's follow-ups, newest first. Shared by every
// page that lets a manager click a customer. A page holds only an empty
// <article id="customer-history" class="panel history">; its markup (#history-subtitle,
// #history-status, #history-list and #history-close) is drawn here when this module is evaluated,
// before the page's own module runs.
import { t } from './i18n.js';
import { loadCustomerFollowUps } from './api.js';
import { el, timeEl, translated, unchanged } from './dom.js';
import { tag } from './skeleton.js';

const $ = (id) => document.getElementById(id);

function drawPanel(panel) {
  if (!panel) return;
  panel.setAttribute('aria-busy', 'false');
  panel.append(
    tag('header', { class: 'history-head' },
      tag('div', {},
        tag('h2', { 'data-i18n': 'historyTitle' }),
        tag('p', { id: 'history-subtitle', class: 'history-subtitle' })),
      tag('button', { type: 'button', id: 'history-close', class: 'button', 'data-i18n': 'close', hidden: '' })),
    tag('p', { id: 'history-status', class: 'hint' }),
    tag('ol', { id: 'history-list', class: 'history-list' }));
}

drawPanel($('customer-history'));

/**
 * Wires the panel and returns its controller.
 * hintKey: what the empty panel says (where to click on this page).
 * onSelect(customerId | null): the chosen customer changed, so the page can mark it.
 */
export function createHistoryPanel({ hintKey = 'historyHint', onSelect = () => {} } = {}) {
  const state = { customerId: null, rows: null, error: null, loading: false, controller: null };

  function render() {
    renderHistory({ subtitle: $('history-subtitle'), status: $('history-status'), list: $('history-list') },
      state, hintKey);
    $('history-close').hidden = !state.customerId;
    $('customer-history').setAttribute('aria-busy', String(state.loading));
  }

  /** Loads (or reloads, on a live change) the chosen customer's follow-ups. */
  async function refresh() {
    const { customerId } = state;
    if (!customerId) return;
    state.controller?.abort();
    const mine = (state.controller = new AbortController());
    state.loading = true;
    render();
    try {
      const rows = await loadCustomerFollowUps(customerId, mine.signal);
      if (mine !== state.controller) return;
      Object.assign(state, { rows, error: null });
    } catch (err) {
      if (mine.signal.aborted) return;
      // Once per run of failures: live refreshes would otherwise repeat it.
      if (!state.error) console.error('Pulse: loading the follow-ups failed', err);
      state.error = err;
    }
    state.loading = false;
    state.controller = null;
    render();
  }

  function show(customerId) {
    if (!customerId) return;
    Object.assign(state, { customerId, rows: null, error: null });
    refresh();
    onSelect(customerId);
    // On a narrow screen the panel sits below the list: bring it into view.
    $('customer-history').scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }

  function close() {
    state.controller?.abort();
    Object.assign(state, { customerId: null, rows: null, error: null, loading: false, controller: null });
    render();
    onSelect(null);
  }

  $('history-close').addEventListener('click', close);
  render();
  return {
    get customerId() { return state.customerId; },
    show,
    close,
    refresh,
    render,
  };
}

/**
 * Draws the panel for state {customerId, rows, error, loading}; with no customerId the panel
 * only explains itself (hintKey).
 */
export function renderHistory({ subtitle, status, list }, state, hintKey = 'historyHint') {
  const { customerId, rows, error, loading } = state;
  if (unchanged(list, [customerId, rows, error?.message, loading && !rows, hintKey])) return;
  if (!customerId) {
    subtitle.textContent = '';
    status.textContent = t(hintKey);
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
