// "As of HH:mm:ss" on every card and chart of a report page: the time the newest follow-up or sale
// in the figures was received, as the report API's projector last saw it (GET /api/v1/freshness).
// One label per card and per panel heading, refreshed with every load, live ones included.
import { locale, t } from './i18n.js';

const TARGETS = '.cards .card, .panel > header';

function timeOf(iso) {
  return new Date(iso).toLocaleTimeString(locale(), { hourCycle: 'h23', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** freshness: {asOf, lagMs, lagRecords} or null when it could not be asked (labels then keep their text). */
export function renderAsOf(freshness) {
  if (freshness === undefined) return;
  for (const target of document.querySelectorAll(TARGETS)) {
    let label = target.querySelector(':scope > time.as-of');
    if (!label) {
      label = document.createElement('time');
      label.className = 'as-of';
      target.append(label);
    }
    if (freshness?.asOf) {
      label.dateTime = freshness.asOf;
      label.textContent = t('asOf', { time: timeOf(freshness.asOf) });
      label.title = t('asOfHint', { time: new Date(freshness.asOf).toLocaleString(locale()) });
    } else if (freshness) {
      label.removeAttribute('datetime');
      label.textContent = t('asOfNone');
      label.title = t('asOfNoneHint');
    }
  }
}
