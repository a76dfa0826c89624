// Keeps the page current: server-sent events from /api/v1/live trigger a refresh, and a poll
// every 15 s covers a feed that is down or silently buffered by a proxy.

const DEBOUNCE_MS = 500;
const POLL_MS = 15_000;
const RECONNECT_MS = 30_000;

/**
 * onChange(): called at most once per 500 ms window however many events arrive. The window
 * starts at the first event rather than restarting on each one, so a steady stream of events
 * still refreshes the page instead of postponing it forever.
 * onStatus(status): 'connecting' | 'live' | 'offline'.
 * eventNames: the named events that concern the page ("activity", "duplicates", "alerts").
 */
export function startLive(onChange, onStatus, eventNames = ['activity']) {
  let source = null;
  let pending = null;
  let reconnect = null;

  const schedule = () => {
    if (pending) return;
    pending = setTimeout(() => {
      pending = null;
      if (!document.hidden) onChange();
    }, DEBOUNCE_MS);
  };

  const open = () => {
    onStatus('connecting');
    source = new EventSource('/api/v1/live');
    source.onopen = () => onStatus('live');
    // Named events do not reach onmessage; unnamed ones do. Both mean "refetch".
    for (const name of eventNames) source.addEventListener(name, schedule);
    source.onmessage = schedule;
    source.onerror = () => {
      // The browser retries by itself while CONNECTING; CLOSED (e.g. a 404) is final, so
      // open a fresh connection later. The poll keeps the numbers moving meanwhile.
      onStatus('offline');
      if (source.readyState === EventSource.CLOSED && !reconnect) {
        reconnect = setTimeout(() => { reconnect = null; open(); }, RECONNECT_MS);
      }
    };
  };

  const close = () => {
    source?.close();
    clearTimeout(reconnect);
    reconnect = null;
  };

  open();
  setInterval(() => { if (!document.hidden) onChange(); }, POLL_MS);
  // A hidden tab skips refreshes; catch up as soon as it is shown again.
  document.addEventListener('visibilitychange', () => { if (!document.hidden) onChange(); });
  // Give the connection back when leaving, and reopen if the page returns from the bfcache.
  window.addEventListener('pagehide', close);
  window.addEventListener('pageshow', (e) => { if (e.persisted) { open(); onChange(); } });
}
