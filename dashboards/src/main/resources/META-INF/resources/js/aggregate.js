// Turns report rows into what the charts and the table draw. Pure functions, no DOM.

export const CHANNELS = ['PHONE', 'WECHAT', 'EMAIL', 'MEETING', 'VISIT', 'OTHER'];

/**
 * One entry per rep and team, summed over buckets, most follow-ups first.
 * A rep who changed team inside the range gets one entry per team, as the API reports them.
 * `customers` is a sum of per-bucket distinct counts, not distinct over the range.
 */
export function totalsByRepAndTeam(rows) {
  const byKey = new Map();
  for (const row of rows) {
    const key = JSON.stringify([row.repId, row.teamId ?? null]);
    let entry = byKey.get(key);
    if (!entry) {
      entry = { repId: row.repId, teamId: row.teamId ?? null, followUps: 0, customers: 0, byChannel: {} };
      byKey.set(key, entry);
    }
    entry.followUps += row.followUps || 0;
    entry.customers += row.customers || 0;
    for (const [channel, n] of Object.entries(row.byChannel || {})) {
      entry.byChannel[channel] = (entry.byChannel[channel] || 0) + n;
    }
  }
  return [...byKey.values()].sort(byFollowUpsThenName);
}

/** Same as above but one entry per rep, whatever team: the bar chart has one bar per rep. */
export function totalsByRep(rows) {
  return totalsByRepAndTeam(rows.map((row) => ({ ...row, teamId: null })));
}

/**
 * Follow-ups per series and bucket, aligned on `buckets` (missing buckets are 0).
 * Buckets the API reports that the browser did not expect are kept rather than dropped.
 */
export function seriesByBucket(rows, buckets, seriesKey) {
  const axis = [...new Set([...buckets, ...rows.map((row) => row.bucket)])].sort();
  const index = new Map(axis.map((bucket, i) => [bucket, i]));
  const series = new Map();
  for (const row of rows) {
    const key = seriesKey(row);
    if (!series.has(key)) series.set(key, new Array(axis.length).fill(0));
    series.get(key)[index.get(row.bucket)] += row.followUps || 0;
  }
  const sorted = [...series.entries()].sort(([a], [b]) => compareKeys(a, b));
  return { axis, series: sorted.map(([key, data]) => ({ key, data })) };
}

/** Alert kinds, in the order the chart stacks them. */
export const ALERT_KINDS = ['STALE', 'OVERDUE', 'ESCALATED'];

/**
 * Open alerts per rep and kind, most alerts first: [{repId, total, byKind: {STALE, OVERDUE}}].
 * rows: stale-customers rows (one per open alert, so a customer both stale and overdue counts twice).
 */
export function alertsByRep(rows) {
  const byRep = new Map();
  for (const row of rows) {
    let entry = byRep.get(row.repId);
    if (!entry) {
      entry = { repId: row.repId, total: 0, byKind: Object.fromEntries(ALERT_KINDS.map((kind) => [kind, 0])) };
      byRep.set(row.repId, entry);
    }
    entry.total += 1;
    entry.byKind[row.kind] = (entry.byKind[row.kind] || 0) + 1;
  }
  return [...byRep.values()].sort((a, b) => b.total - a.total || compareKeys(a.repId, b.repId));
}

function byFollowUpsThenName(a, b) {
  return b.followUps - a.followUps || compareKeys(a.repId, b.repId) || compareKeys(a.teamId, b.teamId);
}

// null (no team) sorts last; ids compare as text with numbers in order (rep-2 before rep-10).
export function compareKeys(a, b) {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}
