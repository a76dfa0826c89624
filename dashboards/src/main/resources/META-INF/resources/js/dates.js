// Calendar dates as YYYY-MM-DD strings. Arithmetic runs in UTC on purpose: a date has no time
// zone, and UTC days never have 23 or 25 hours, so stepping day by day cannot skip or repeat.

const DAY_MS = 86_400_000;

/** Today in the browser's local calendar (not UTC), e.g. "2026-11-24". */
export function localToday() {
  const now = new Date();
  return toIso(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

export function addDays(iso, days) {
  return toIso(parse(iso) + days * DAY_MS);
}

/** The last `days` days ending today, both ends inclusive. */
export function defaultRange(days = 14) {
  const to = localToday();
  return { from: addDays(to, -(days - 1)), to };
}

/** True for a real calendar date in YYYY-MM-DD form (2026-02-31 is not). */
export function isIsoDate(value) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value ?? '')) return false;
  const ms = parse(value);
  return !Number.isNaN(ms) && toIso(ms) === value;
}

/**
 * Every bucket label between two inclusive dates, in order, in the report API's format:
 * 2026-11-03 (day), 2026-W45 (ISO week), 2026-11 (month). Used to draw empty periods as 0.
 */
export function bucketsBetween(from, to, granularity) {
  const labels = [];
  for (let ms = parse(from); ms <= parse(to); ms += DAY_MS) {
    const label = bucketOf(ms, granularity);
    if (labels[labels.length - 1] !== label) labels.push(label);
  }
  return labels;
}

function bucketOf(ms, granularity) {
  const iso = toIso(ms);
  if (granularity === 'month') return iso.slice(0, 7);
  if (granularity === 'week') return isoWeek(ms);
  return iso;
}

// ISO 8601 week: weeks start on Monday and belong to the year of their Thursday,
// so 2026-12-31 may be in 2027-W01 and 2027-01-01 in 2026-W53.
function isoWeek(ms) {
  const d = new Date(ms);
  const thursday = ms + (3 - ((d.getUTCDay() + 6) % 7)) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

function parse(iso) {
  return Date.parse(`${iso}T00:00:00Z`);
}

function toIso(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}
