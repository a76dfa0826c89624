// Same-origin calls to report-api. One refresh loads everything the page shows, so the cards,
// charts and table always describe the same filters.

async function getJson(path, params, signal) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, value);
  }
  const qs = query.toString();
  const url = qs ? `${path}?${qs}` : path;
  const res = await fetch(url, { headers: { Accept: 'application/json' }, signal });
  if (!res.ok) {
    // report-api answers errors as application/problem+json; its detail is the useful part.
    const problem = await res.json().catch(() => ({}));
    throw new Error(`${res.status} ${problem.detail || problem.title || res.statusText} · ${path}`);
  }
  return res.json();
}

/**
 * Loads one consistent snapshot for the filters {from, to, teamId, granularity}.
 * The line chart shows one series per team, or per rep once a team is chosen, so its rows come
 * from team-activity or rep-activity accordingly.
 */
export async function loadDashboard({ from, to, teamId, granularity }, signal) {
  const range = { from, to };
  const repDaily = getJson('/api/v1/reports/rep-activity',
    { ...range, granularity: 'day', teamId }, signal);
  let trend;
  if (!teamId) {
    trend = getJson('/api/v1/reports/team-activity', { ...range, granularity }, signal);
  } else if (granularity === 'day') {
    trend = repDaily; // the same request; no need to ask twice
  } else {
    trend = getJson('/api/v1/reports/rep-activity', { ...range, granularity, teamId }, signal);
  }
  const [teams, summary, daily, trendBody] = await Promise.all([
    getJson('/api/v1/teams', {}, signal),
    getJson('/api/v1/reports/summary', { ...range, teamId }, signal),
    repDaily,
    trend,
  ]);
  return {
    teams: (teams.rows || []).map((row) => row.teamId),
    summary,
    repRows: daily.rows || [],
    trendRows: trendBody.rows || [],
  };
}
