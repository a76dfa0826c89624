// How every page loads its data and keeps it current: one load at a time, live pushes and the
// poll (live.js) only ask for a refresh, and each redraw leaves the test hooks body[data-state]
// and body[data-render-count]. The pages only say what to load and how to draw it.
import { t } from './i18n.js';
import { renderLive } from './header.js';
import { hideLoading, showLoading } from './charts.js';
import { startLive } from './live.js';
import { loadFreshness } from './api.js';
import { renderAsOf } from './as-of.js';

const $ = (id) => document.getElementById(id);

/**
 * Returns the page's loader.
 * charts: the page's echarts instances, covered by a spinner while a load runs.
 * load(signal): reads the page's filters now and resolves to what the page draws (kept as
 *   `last`); signal aborts it.
 * what: named in the console when loading fails ("the reports").
 * draw(last): draws the page, with last null until the first load succeeded; called on every
 *   render, after the error message and the live indicator.
 * asOf: label every card and chart with the time of the newest data (false for pages that show
 *   configuration rather than projected figures).
 */
export function createRefresh({ charts, load, what, draw, asOf = true }) {
  let last = null;        // last successful load, re-drawn as is when the language changes
  let lastError = null;   // shown until the next successful load
  let controller = null;  // the load in flight
  let rerun = false;      // a live change arrived while loading: load once more afterwards
  let liveStatus = 'connecting';
  let updatedAt = null;
  let freshness;          // the projector's last answer with the load it came with; undefined until asked

  /**
   * restart: an answer in flight is out of date (other filters, or asked before a dismissal),
   * so abort it rather than draw it; otherwise let it finish and load once more afterwards.
   * spinner: cover the charts while this load runs.
   */
  function requestRefresh({ restart = false, spinner = false } = {}) {
    if (controller && !restart) {
      rerun = true;
      return;
    }
    controller?.abort(); // answers for the old filters would only be thrown away
    run(spinner);
  }

  async function run(withSpinner) {
    const mine = (controller = new AbortController());
    if (withSpinner) showLoading(charts);
    try {
      // Asked just before the load: every change up to that asOf was committed before the reports
      // were read, so the label never claims more than the figures hold. A failure to ask only
      // leaves the label as it was.
      const fresh = asOf ? await loadFreshness(mine.signal).catch(() => null) : undefined;
      const data = await load(mine.signal);
      if (mine !== controller) return;
      last = data;
      if (fresh) freshness = fresh;
      lastError = null;
      updatedAt = new Date();
      render();
    } catch (err) {
      if (mine.signal.aborted) return;
      // Log once per run of failures: the poll would otherwise repeat it every 15 s.
      if (!lastError) console.error(`Pulse: loading ${what} failed`, err);
      lastError = err;
      document.body.dataset.state = 'error';
      renderError();
    } finally {
      if (mine === controller) {
        controller = null;
        hideLoading(charts);
        if (rerun) {
          rerun = false;
          run(false);
        }
      }
    }
  }

  function render() {
    renderError();
    renderLive(liveStatus, updatedAt);
    draw(last);
    if (!last) return;
    if (asOf) renderAsOf(freshness);
    document.body.dataset.renderCount = String(Number(document.body.dataset.renderCount || 0) + 1);
    // A redraw for a language switch must not hide a failure that is still going on.
    document.body.dataset.state = lastError ? 'error' : 'ready';
  }

  function renderError() {
    const box = $('error-message');
    box.hidden = !lastError;
    box.textContent = lastError ? t('loadError', { detail: lastError.message }) : '';
  }

  /** Listens for eventNames; a change asks onChange (a refresh unless told), the header shows the status. */
  function live(eventNames, onChange = () => requestRefresh()) {
    startLive(onChange, (status) => {
      liveStatus = status;
      renderLive(liveStatus, updatedAt);
    }, eventNames);
  }

  return {
    get last() { return last; },
    /** Draws `next` in place of the last load without loading (a change the next load confirms). */
    show(next) {
      last = next;
      render();
    },
    requestRefresh,
    render,
    live,
  };
}
