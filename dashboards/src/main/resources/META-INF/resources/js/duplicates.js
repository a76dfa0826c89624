// Wires the duplicate flags page: filters (type, open/dismissed) -> one load -> chart and list;
// a customer's history panel; the dismiss form. Live pushes and the poll only ask for a refresh.
// Test hooks: body[data-state], body[data-render-count], window.pulseCharts.byType.
import { t } from './i18n.js';
import { initLanguageSwitch, renderLive } from './header.js';
import { ApiError, dismissFlag, loadDuplicates } from './api.js';
import { createByTypeChart, hideLoading, renderByType, showLoading } from './charts.js';
import { FLAG_TYPES, keyParts, renderFlagList } from './flags.js';
import { createHistoryPanel } from './history.js';
import { startLive } from './live.js';

const $ = (id) => document.getElementById(id);
const STATUSES = ['OPEN', 'DISMISSED'];
const MANAGER_KEY = 'pulse.manager';

const charts = { byType: createByTypeChart($('chart-by-type')) };
window.pulseCharts = charts;

const filters = { status: 'OPEN', type: '' };
let last = null;        // last successful load, re-drawn as is when the language changes
let lastError = null;   // shown until the next successful load
let controller = null;  // the load in flight
let rerun = false;      // a live change arrived while loading: load once more afterwards
let liveStatus = 'connecting';
let updatedAt = null;

// The customer whose follow-ups the side panel shows; choosing one marks it in the list.
const customerHistory = createHistoryPanel({ hintKey: 'historyHint', onSelect: () => render() });
let dismissing = null;  // the row the dismiss form is open for

// ---- filters -------------------------------------------------------------------------------

function initFilters() {
  const params = new URLSearchParams(location.search);
  if (STATUSES.includes(params.get('status'))) filters.status = params.get('status');
  if (FLAG_TYPES.includes(params.get('type'))) filters.type = params.get('type');
  $('filter-type').value = filters.type;
  $('filter-type').addEventListener('change', (e) => setFilters({ type: e.target.value }));
  for (const button of $('status-switch').querySelectorAll('button')) {
    button.addEventListener('click', () => setFilters({ status: button.dataset.status }));
  }
}

function setFilters(change) {
  Object.assign(filters, change);
  $('filter-type').value = filters.type;
  // The URL carries the filters so a manager can bookmark or share the view.
  const params = new URLSearchParams({ status: filters.status });
  if (filters.type) params.set('type', filters.type);
  history.replaceState(null, '', `?${params}`);
  renderStatusSwitch();
  requestRefresh({ restart: true });
}

function renderStatusSwitch() {
  for (const button of $('status-switch').querySelectorAll('button')) {
    button.setAttribute('aria-pressed', String(button.dataset.status === filters.status));
  }
}

// ---- loading -------------------------------------------------------------------------------

/** A live change or a dismissal: the flags and the open history may both have moved. */
function refreshAll(options) {
  requestRefresh(options);
  customerHistory.refresh();
}

/**
 * restart: an answer in flight is out of date (other filters, or asked before a dismissal),
 * so abort it rather than draw it; otherwise let it finish and load once more afterwards.
 */
function requestRefresh({ restart = false } = {}) {
  if (controller && !restart) {
    rerun = true;
    return;
  }
  controller?.abort();
  load();
}

async function load() {
  const mine = (controller = new AbortController());
  const wanted = { ...filters };
  try {
    const data = await loadDuplicates(wanted, mine.signal);
    if (mine !== controller) return;
    last = { filters: wanted, data };
    lastError = null;
    updatedAt = new Date();
    render();
  } catch (err) {
    if (mine.signal.aborted) return;
    // Log once per run of failures: the poll would otherwise repeat it every 15 s.
    if (!lastError) console.error('Pulse: loading the duplicate flags failed', err);
    lastError = err;
    document.body.dataset.state = 'error';
    renderError();
  } finally {
    if (mine === controller) {
      controller = null;
      hideLoading(charts);
      if (rerun) {
        rerun = false;
        load();
      }
    }
  }
}

// ---- dismissing ----------------------------------------------------------------------------

function openDismiss(row) {
  dismissing = row;
  const [kind, value] = keyParts(row.type, row.key);
  $('dismiss-flag').textContent = `${t(`type_${row.type}`)} · ${kind ? `${kind} ` : ''}${value}`;
  $('dismiss-by').value = rememberedManager();
  $('dismiss-reason').value = '';
  for (const id of ['dismiss-by', 'dismiss-reason']) $(id).removeAttribute('aria-invalid');
  showDismissError(null);
  $('dismiss-submit').disabled = false;
  $('dismiss-dialog').showModal();
  ($('dismiss-by').value ? $('dismiss-reason') : $('dismiss-by')).focus();
}

async function submitDismiss(event) {
  event.preventDefault();
  if (!dismissing) return;
  const by = $('dismiss-by').value.trim();
  const reason = $('dismiss-reason').value.trim();
  $('dismiss-by').setAttribute('aria-invalid', String(!by));
  $('dismiss-reason').setAttribute('aria-invalid', String(!reason));
  if (!by || !reason) {
    showDismissError(t('dismissRequired'));
    (by ? $('dismiss-reason') : $('dismiss-by')).focus();
    return;
  }
  const row = dismissing;
  $('dismiss-submit').disabled = true;
  try {
    await dismissFlag(row.flagId, { by, reason });
    rememberManager(by);
    dropFromOpenList(row);
    $('dismiss-dialog').close();
  } catch (err) {
    showDismissError(dismissMessage(err));
  } finally {
    $('dismiss-submit').disabled = false;
  }
  refreshAll({ restart: true }); // the server's list, also after a 404 or 409 that means ours was stale
}

function dismissMessage(err) {
  if (err instanceof ApiError && err.status === 409) return t('dismissConflict');
  if (err instanceof ApiError && err.status === 404) return t('dismissNotFound');
  return t('dismissFailed', { detail: err instanceof ApiError ? err.detail : err.message });
}

/** Takes a dismissed flag off the open list at once; the refresh that follows confirms it. */
function dropFromOpenList(row) {
  if (!last || last.filters.status !== 'OPEN') return;
  const counts = { ...last.data.counts };
  if (typeof counts[row.type] === 'number' && counts[row.type] > 0) counts[row.type] -= 1;
  if (typeof counts.total === 'number' && counts.total > 0) counts.total -= 1;
  last = { ...last, data: { rows: last.data.rows.filter((r) => r.flagId !== row.flagId), counts } };
  render();
}

function showDismissError(message) {
  $('dismiss-error').hidden = !message;
  $('dismiss-error').textContent = message ?? '';
}

// The name is asked for every time but remembered on this browser, so a manager clearing
// several flags types it once.
function rememberedManager() {
  try {
    return localStorage.getItem(MANAGER_KEY) ?? '';
  } catch {
    return '';
  }
}

function rememberManager(name) {
  try {
    localStorage.setItem(MANAGER_KEY, name);
  } catch {
    // Not remembered; the form still works.
  }
}

function initDismissForm() {
  $('dismiss-form').addEventListener('submit', submitDismiss);
  // Typing answers the "required" message: clear it rather than leave a stale warning.
  for (const id of ['dismiss-by', 'dismiss-reason']) {
    $(id).addEventListener('input', () => {
      $(id).removeAttribute('aria-invalid');
      showDismissError(null);
    });
  }
  $('dismiss-cancel').addEventListener('click', () => $('dismiss-dialog').close());
  $('dismiss-dialog').addEventListener('close', () => { dismissing = null; });
}

// ---- rendering -----------------------------------------------------------------------------

function render() {
  renderError();
  renderLive(liveStatus, updatedAt);
  renderStatusSwitch();
  customerHistory.render();
  if (!last) return;
  const { filters: shown, data } = last;
  renderByType(charts.byType, data.counts, FLAG_TYPES);
  renderFlagList($('flag-list'), data.rows, {
    status: shown.status,
    type: shown.type,
    selectedCustomer: customerHistory.customerId,
    onCustomer: customerHistory.show,
    onDismiss: openDismiss,
  });
  document.body.dataset.renderCount = String(Number(document.body.dataset.renderCount || 0) + 1);
  // A redraw for a language switch must not hide a failure that is still going on.
  document.body.dataset.state = lastError ? 'error' : 'ready';
}

function renderError() {
  const box = $('error-message');
  box.hidden = !lastError;
  box.textContent = lastError ? t('loadError', { detail: lastError.message }) : '';
}

// ---- start ---------------------------------------------------------------------------------

initFilters();
initDismissForm();
initLanguageSwitch(render);
// A click on a bar shows that type's flags.
charts.byType.on('click', (params) => setFilters({ type: FLAG_TYPES[params.dataIndex] }));
window.addEventListener('resize', () => charts.byType.resize());
startLive(refreshAll, (status) => {
  liveStatus = status;
  renderLive(liveStatus, updatedAt);
}, ['duplicates', 'activity']);
showLoading(charts);
requestRefresh({ restart: true });
