// Same-origin calls to report-api. One refresh loads everything a page shows, so the cards,
// charts and table always describe the same filters.

import { currentLang } from './i18n.js';

/** A failed call: HTTP status and the problem+json detail, for callers that tell cases apart. */
export class ApiError extends Error {
  constructor(status, detail, path) {
    super(`${status} ${detail} · ${path}`);
    this.status = status;
    this.detail = detail;
  }
}

/** The CSRF token Spring Security keeps in a cookie; state-changing calls echo it in a header. */
/** The page's language, so that the API words its errors (problem+json detail) in it, not in the browser's. */
export function languageHeaders() {
  return { 'Accept-Language': currentLang() === 'zh' ? 'zh-CN' : 'en' };
}

export function csrfHeaders() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? { 'X-XSRF-TOKEN': decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) } : {};
}

/** A session that ended (expired, signed out elsewhere): back to the login page, then here again. */
function signInAgain() {
  window.location.assign('login.html');
}

async function failure(res, path) {
  if (res.status === 401) signInAgain();
  // report-api answers errors as application/problem+json; its detail is the useful part.
  const problem = await res.json().catch(() => ({}));
  return new ApiError(res.status, problem.detail || problem.title || res.statusText, path);
}

async function getJson(path, params, signal) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, value);
  }
  const qs = query.toString();
  const url = qs ? `${path}?${qs}` : path;
  const res = await fetch(url, { headers: { Accept: 'application/json', ...languageHeaders() }, signal });
  if (!res.ok) throw await failure(res, path);
  return res.json();
}

async function postJson(path, body) {
  const res = await fetch(path, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...languageHeaders(), ...csrfHeaders() },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw await failure(res, path);
  return res.json();
}

/** A PUT or DELETE with the CSRF token; the answer's JSON, or null for 204. */
async function sendJson(method, path, body) {
  const res = await fetch(path, {
    method,
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...languageHeaders(), ...csrfHeaders() },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw await failure(res, path);
  return res.status === 204 ? null : res.json();
}

/**
 * The goals page's snapshot for {day, teamId, repId, metric}: every goal of the caller's scope (of
 * the team or rep when chosen) in the periods of day against what was done, the chosen team's
 * leaderboard, the teams, and who asks.
 */
export async function loadGoals({ day, teamId, repId, metric }, signal) {
  const [attainment, teams, me] = await Promise.all([
    getJson('/api/v1/reports/goals/attainment', { day, teamId, repId }, signal),
    getJson('/api/v1/teams', {}, signal),
    loadMe().catch(() => null),
  ]);
  const teamIds = (teams.rows || []).map((row) => row.teamId).filter(Boolean);
  const boardTeam = teamId || teamIds[0];
  const board = boardTeam
    ? await getJson('/api/v1/reports/goals/leaderboard', { teamId: boardTeam, metric, day }, signal)
    : { teamId: null, rows: [] };
  return { rows: attainment.rows || [], teams: teamIds, board, me };
}

/** Sets a goal (goalId null) or changes one. */
export function saveGoal(goal, goalId = null) {
  return goalId ? sendJson('PUT', `/api/v1/goals/${encodeURIComponent(goalId)}`, goal) : postJson('/api/v1/goals', goal);
}

export function removeGoal(goalId) {
  return sendJson('DELETE', `/api/v1/goals/${encodeURIComponent(goalId)}`);
}

/** Who is signed in: {name, role, repId, teamIds}. Asked once per page. */
let me = null;
export function loadMe() {
  me ??= getJson('/api/v1/me', {}).catch((err) => {
    me = null;
    throw err;
  });
  return me;
}

/** Ends the session (POST, so it carries the CSRF token) and goes to the login page. */
export async function signOut() {
  await fetch('/logout', { method: 'POST', headers: csrfHeaders() }).catch(() => {});
  signInAgain();
}

/** A range preset (this_week, this_quarter...) as dates in the reports' time zone: {range, from, to, zone}. */
export function resolveRange(range, signal) {
  return getJson('/api/v1/date-range', { range }, signal);
}

/** The filter choices in the caller's scope: teams with their reps, and customer sources. */
export async function loadFilterChoices() {
  const [teams, sources] = await Promise.all([
    getJson('/api/v1/teams', {}),
    getJson('/api/v1/sources', {}).catch(() => ({ rows: [] })), // the source choice stays free of the figures
  ]);
  return { teams: teams.rows || [], sources: sources.rows || [] };
}

/** How fresh the reports are: {asOf, lagMs, lagRecords}, asOf null before anything was projected. */
export function loadFreshness(signal) {
  return getJson('/api/v1/freshness', {}, signal);
}

/**
 * Loads one consistent snapshot for the filters {from, to, teamId, repId, granularity}.
 * The line chart shows one series per team, or per rep once a team or a rep is chosen, so its rows
 * come from team-activity or rep-activity accordingly.
 */
export async function loadDashboard({ from, to, teamId, repId, source, granularity }, signal) {
  // A source cut is counted from the follow-ups by the API; every figure of the page takes it.
  const range = { from, to, source };
  const repDaily = getJson('/api/v1/reports/rep-activity',
    { ...range, granularity: 'day', teamId, repId }, signal);
  // A rep sees no team rows: their line chart is their own, per period.
  const me = await loadMe().catch(() => null);
  let trend;
  if (granularity === 'day' && (me?.role === 'REP' || teamId || repId)) {
    trend = repDaily; // the same request; no need to ask twice
  } else if (me?.role === 'REP' || teamId || repId) {
    trend = getJson('/api/v1/reports/rep-activity', { ...range, granularity, teamId, repId }, signal);
  } else {
    trend = getJson('/api/v1/reports/team-activity', { ...range, granularity }, signal);
  }
  // The flag card only points to another page: if its count fails, the card shows a dash
  // rather than the whole overview showing an error.
  const openDuplicates = getJson('/api/v1/reports/duplicates/counts', { teamId, repId, source }, signal)
    .then((counts) => counts.total, () => null);
  // Likewise the customers-to-call card: one row per open alert of the filters' team, rep and source.
  const openAlerts = getJson('/api/v1/reports/stale-customers', { teamId, repId, source }, signal)
    .then((body) => (body.rows || []).length, () => null);
  const [summary, daily, trendBody, duplicates, alerts] = await Promise.all([
    getJson('/api/v1/reports/summary', { ...range, teamId, repId }, signal),
    repDaily,
    trend,
    openDuplicates,
    openAlerts,
  ]);
  return {
    summary,
    repRows: daily.rows || [],
    trendRows: trendBody.rows || [],
    trendByRep: me?.role === 'REP',
    openDuplicates: duplicates,
    openAlerts: alerts,
  };
}

/**
 * The duplicates page's snapshot: the flags for {status, type} and the bar's {teamId, repId, source}
 * (newest update first) and the open count per type for the bar's filters, which the chart shows
 * whatever the type and status.
 */
export async function loadDuplicates({ status, type, teamId, repId, source }, signal) {
  const bar = { teamId, repId, source };
  const [flags, counts] = await Promise.all([
    getJson('/api/v1/reports/duplicates', { status, type, ...bar }, signal),
    getJson('/api/v1/reports/duplicates/counts', bar, signal),
  ]);
  return { rows: flags.rows || [], counts };
}

/**
 * The customers-to-call page's snapshot: every open alert of the bar's {teamId, repId, source}
 * (longest silence first) and the 20 most recently opened resolved ones. The page filters the open
 * rows by kind and stage itself, so the table, the chart and those choices come from this one answer.
 */
export async function loadStale({ teamId, repId, source }, signal) {
  const [open, resolved] = await Promise.all([
    getJson('/api/v1/reports/stale-customers', { teamId, repId, source }, signal),
    getJson('/api/v1/alerts', { status: 'RESOLVED', limit: 20 }, signal),
  ]);
  return { rows: open.rows || [], resolved: resolved.rows || [] };
}

/** The alert rules in force, as the backtest form starts from: {stale, ladder, overdue}. */
export function loadBacktestRules() {
  return getJson('/api/v1/alerts/backtest/rules', {});
}

/**
 * What proposed rules would have produced per ISO week and team. stale and ladder are always
 * sent, even empty: an empty ladder means "nothing climbs", a missing one "the ladder in force".
 */
export function runBacktest({ stale, ladder, overdue, from, to }) {
  const query = new URLSearchParams({ stale, ladder, overdue: String(overdue) });
  if (from) query.set('from', from);
  if (to) query.set('to', to);
  return getJson(`/api/v1/alerts/backtest?${query}`, {});
}

/**
 * The pipeline's stages (code, order, nameZh, nameEn, terminal). Configuration that only changes
 * with a restart, so it is asked once and shared; a failed answer is forgotten, so the next
 * refresh asks again. No abort signal: a change of filters must not cancel the shared request.
 */
let pipeline = null;
export function loadPipeline() {
  pipeline ??= getJson('/api/v1/pipeline', {}).then((body) => body.stages || [], (err) => {
    pipeline = null;
    throw err;
  });
  return pipeline;
}

/**
 * The funnel page's snapshot for {from, to, teamId, repId, source} (a cohort: customers whose
 * first follow-up falls in the range): funnel, stage transitions, time in stage and the per-rep
 * follow-up to sale conversion, plus the pipeline and the teams for names and filter choices.
 * rep-conversion is per rep already, so it takes no repId.
 */
export async function loadFunnel({ from, to, teamId, repId, source, lostGroupBy }, signal) {
  const cohort = { from, to, teamId, repId, source };
  const [stages, teams, funnel, transitions, timeInStage, repConversion, lostReasons, cycle, velocity] = await Promise.all([
    loadPipeline(),
    getJson('/api/v1/teams', {}, signal),
    getJson('/api/v1/reports/funnel', cohort, signal),
    getJson('/api/v1/reports/stage-transitions', cohort, signal),
    getJson('/api/v1/reports/time-in-stage', cohort, signal),
    getJson('/api/v1/reports/rep-conversion', { from, to, teamId, source }, signal),
    getJson('/api/v1/reports/lost-reasons', { ...cohort, groupBy: lostGroupBy }, signal),
    getJson('/api/v1/reports/cycle-length', cohort, signal),
    getJson('/api/v1/reports/velocity', cohort, signal),
  ]);
  return {
    stages,
    teams: teams.rows || [],
    funnel,
    transitions: transitions.rows || [],
    timeInStage: timeInStage.rows || [],
    repConversion: repConversion.rows || [],
    lostReasons,
    cycle: cycle.rows || [],
    velocity,
  };
}

/** The lost-reasons export with the page's filters and split. */
export function lostReasonsExportUrl(format, { from, to, teamId, repId, source, lostGroupBy }) {
  const query = new URLSearchParams({ format, from, to, groupBy: lostGroupBy });
  for (const [key, value] of Object.entries({ teamId, repId, source })) if (value) query.set(key, value);
  return `/api/v1/exports/lost-reasons?${query}`;
}

/** The BI export of stage conversion with the page's filters: a same-origin download link. */
export function stageConversionExportUrl(format, { from, to, teamId, repId, source }, groupBy) {
  const query = new URLSearchParams({ format, from, to, groupBy });
  for (const [key, value] of Object.entries({ teamId, repId, source })) if (value) query.set(key, value);
  return `/api/v1/exports/stage-conversion?${query}`;
}

/** The 公海 pool: customers released by the escalation ladder, until a rep claims one; the bar's {teamId, repId, source}. */
export async function loadPool({ teamId, repId, source }, signal) {
  const body = await getJson('/api/v1/reports/pool', { teamId, repId, source }, signal);
  return { rows: body.rows || [] };
}

/** The pool's export with the bar's filters: a same-origin download link. */
export function poolExportUrl(format, { teamId, repId, source }) {
  const query = new URLSearchParams({ format });
  for (const [key, value] of Object.entries({ teamId, repId, source })) if (value) query.set(key, value);
  return `/api/v1/exports/pool?${query}`;
}

/** The alert routes and the reps' @mention contacts (ADMIN). */
export async function loadRoutes(signal) {
  const [routes, contacts] = await Promise.all([
    getJson('/api/v1/admin/alert-routes', {}, signal),
    getJson('/api/v1/admin/alert-contacts', {}, signal),
  ]);
  return { routes: routes.rows || [], contacts: contacts.rows || [] };
}

/** Adds a route; a refusal (400 naming the field, 409 a duplicate) is thrown as an ApiError. */
export function createRoute(route) {
  return postJson('/api/v1/admin/alert-routes', route);
}

export async function deleteRoute(routeId) {
  const path = `/api/v1/admin/alert-routes/${encodeURIComponent(routeId)}`;
  const res = await fetch(path, { method: 'DELETE', headers: { ...languageHeaders(), ...csrfHeaders() } });
  if (!res.ok) throw await failure(res, path);
}

/** One customer's follow-ups, newest first. */
export async function loadCustomerFollowUps(customerId, signal) {
  const body = await getJson('/api/v1/followups', { customerId }, signal);
  return body.rows || [];
}

/** Dismisses an open flag; resolves to the updated row, rejects with an ApiError (400, 404, 409). */
export function dismissFlag(flagId, { by, reason }) {
  return postJson(`/api/v1/reports/duplicates/${encodeURIComponent(flagId)}/dismiss`, { by, reason });
}

/**
 * The forecast page's snapshot for {fromMonth, toMonth, teamId, repId, source, groupBy} (months as
 * 2026-12): the weighted pipeline by month of expected close.
 */
export async function loadForecast({ fromMonth, toMonth, teamId, repId, source, groupBy }, signal) {
  const range = { from: `${fromMonth}-01`, to: lastDayOf(toMonth) };
  const forecast = await getJson('/api/v1/reports/forecast', { ...range, teamId, repId, source, groupBy }, signal);
  return { forecast };
}

/** The parameters of the open customers behind one forecast row {month, group, currency}. */
export function forecastCustomersParams({ fromMonth, toMonth, teamId, repId, source, groupBy }, row) {
  return {
    from: `${fromMonth}-01`, to: lastDayOf(toMonth), teamId, repId, source, groupBy,
    group: row.group ?? undefined, month: row.month, currency: row.currency,
  };
}

/**
 * How the forecast for one month of expected close moved: {month, points: [{day, currency,
 * customers, pipeline, weighted}], wonByCurrency} for the bar's team and rep.
 */
export function loadForecastHistory({ month, teamId, repId }, signal) {
  return getJson('/api/v1/reports/forecast/history', { month, teamId, repId }, signal);
}

function lastDayOf(month) {
  const [year, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(year, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/**
 * The list behind a figure (every number traceable) at path, with the report's filters plus the
 * figure's coordinates: a drill-down page {total, offset, limit, rows}, or a report's own list
 * {rows} (all of it: its length is the figure) as the same shape, its first `limit` rows.
 */
export async function loadDrill(path, params, limit = 200) {
  const body = await getJson(path, { ...params, limit });
  if (body.total !== undefined) return body;
  const rows = body.rows || [];
  return { total: rows.length, offset: 0, limit, rows: rows.slice(0, limit) };
}

/** The same list as a CSV or XLSX download link. */
export function drillExportUrl(path, format, params) {
  const query = new URLSearchParams({ format });
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, value);
  }
  return `${path}?${query}`;
}
