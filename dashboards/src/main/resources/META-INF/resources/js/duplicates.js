// Wires the duplicate flags page: filters (type, open/dismissed) -> one load -> chart and list;
// a customer's history panel; the dismiss form. Live pushes and the poll only ask for a refresh.
// Test hooks: body[data-state], body[data-render-count], window.pulseCharts.byType.
import { t } from './i18n.js';
import { initLanguageSwitch } from './header.js';
import { ApiError, dismissFlag, loadDuplicates, loadMe } from './api.js';
import { createFilterBar, setUrlParam } from './filter-bar.js';
import { createByTypeChart, renderByType } from './charts.js';
import { FLAG_TYPES, keyParts, renderFlagList } from './flags.js';
import { createHistoryPanel } from './history.js';
import { createRefresh } from './refresh.js';

const $ = (id) => document.getElementById(id);
const STATUSES = ['OPEN', 'DISMISSED'];
// The server records the signed-in user as the one who dismissed; the form only shows the name.
let signedIn = '';
loadMe().then((me) => { signedIn = me.name; }, () => {});

const charts = { byType: createByTypeChart($('chart-by-type')) };
window.pulseCharts = charts;

const filters = { status: 'OPEN', type: '' };
const page = createRefresh({
  charts,
  load: async (signal) => {
    const wanted = { ...filters, ...(await filterBar.read(signal)) };
    return { filters: wanted, data: await loadDuplicates(wanted, signal) };
  },
  what: 'the duplicate flags',
  draw,
});

// Team, rep and source: the shared bar (js/filter-bar.js); type and status are this page's own.
const filterBar = createFilterBar({ onChange: () => page.requestRefresh({ restart: true }) });

// The customer whose follow-ups the side panel shows; choosing one marks it in the list.
const customerHistory = createHistoryPanel({ hintKey: 'historyHint', onSelect: () => page.render() });
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
  // The URL carries the filters (the bar's beside these) so a manager can bookmark or share the view.
  setUrlParam('status', filters.status, '');
  setUrlParam('type', filters.type, '');
  renderStatusSwitch();
  page.requestRefresh({ restart: true });
}

function renderStatusSwitch() {
  for (const button of $('status-switch').querySelectorAll('button')) {
    button.setAttribute('aria-pressed', String(button.dataset.status === filters.status));
  }
}

// ---- loading -------------------------------------------------------------------------------

/** A live change or a dismissal: the flags and the open history may both have moved. */
function refreshAll(options) {
  page.requestRefresh(options);
  customerHistory.refresh();
}

// ---- dismissing ----------------------------------------------------------------------------

function openDismiss(row) {
  dismissing = row;
  const [kind, value] = keyParts(row.type, row.key);
  $('dismiss-flag').textContent = `${t(`type_${row.type}`)} · ${kind ? `${kind} ` : ''}${value}`;
  $('dismiss-by').value = signedIn;
  $('dismiss-by').readOnly = true;
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
  const { last } = page;
  if (!last || last.filters.status !== 'OPEN') return;
  const counts = { ...last.data.counts };
  if (typeof counts[row.type] === 'number' && counts[row.type] > 0) counts[row.type] -= 1;
  if (typeof counts.total === 'number' && counts.total > 0) counts.total -= 1;
  page.show({ ...last, data: { rows: last.data.rows.filter((r) => r.flagId !== row.flagId), counts } });
}

function showDismissError(message) {
  $('dismiss-error').hidden = !message;
  $('dismiss-error').textContent = message ?? '';
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

function draw(last) {
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
}

// ---- start ---------------------------------------------------------------------------------

initFilters();
initDismissForm();
initLanguageSwitch(page.render);
// A bar counts open flags of its type: its click lists exactly those.
charts.byType.on('click', (params) => setFilters({ type: FLAG_TYPES[params.dataIndex], status: 'OPEN' }));
window.addEventListener('resize', () => charts.byType.resize());
page.live(['duplicates', 'activity'], refreshAll);
page.requestRefresh({ restart: true, spinner: true });
