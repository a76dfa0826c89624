// The filter bar every report page shares: a range preset (or custom from/to) and the team, rep and
// source choices, kept in the URL (history.replaceState) so a copied link reopens the same view.
// Presets are resolved by the report API in the company's time zone on every load, so "this week"
// means the same days to everyone and moves on at midnight while a page stays open.
// Markup: the page's <div class="filters" id="filter-bar" data-fields="range team rep source">, the
// fields its reports take (a list of the state now, such as the stale list, has no range); the bar's
// controls go first, the page's own controls (granularity, exports) stay after them.
import { fillOptions } from './dom.js';
import { compareKeys } from './aggregate.js';
import { isIsoDate } from './dates.js';
import { loadFilterChoices, resolveRange } from './api.js';

export const PRESETS = ['today', 'this_week', 'last_7_days', 'last_30_days', 'last_90_days', 'this_month', 'this_quarter'];
const CUSTOM = 'custom';
const CHOICES_MAX_AGE_MS = 60_000;

/** The URL parameters each field owns; a page keeps its own (granularity, groupBy...) beside them. */
const FIELD_PARAMS = { range: ['range', 'from', 'to'], team: ['team'], rep: ['rep'], source: ['source'] };

function label(textKey, control, attributes = {}) {
  const wrap = document.createElement('label');
  for (const [name, value] of Object.entries(attributes)) wrap.setAttribute(name, value);
  const text = document.createElement('span');
  text.dataset.i18n = textKey;
  wrap.append(text, control);
  return wrap;
}

function select(id, allKey, values = []) {
  const el = document.createElement('select');
  el.id = id;
  if (allKey) {
    const all = new Option('', '');
    all.dataset.i18n = allKey;
    el.append(all);
  }
  for (const value of values) {
    const option = new Option('', value);
    option.dataset.i18n = `range_${value}`;
    el.append(option);
  }
  return el;
}

function dateInput(id) {
  const el = document.createElement('input');
  el.type = 'date';
  el.id = id;
  el.required = true;
  return el;
}

/**
 * Draws the bar and reads its state from the URL.
 * defaultRange: the preset when the URL names none (nor from/to).
 * fromKey/toKey/hintKey: the date labels (the funnel's are about a cohort).
 * onChange(): a filter changed; the page reloads.
 */
export function createFilterBar({ defaultRange = 'last_30_days', fromKey = 'from', toKey = 'to', hintKey, onChange }) {
  const bar = document.getElementById('filter-bar');
  const fields = new Set((bar.dataset.fields || 'range team rep source').split(/\s+/));
  const els = {
    range: select('filter-range', null, [...PRESETS, CUSTOM]),
    from: dateInput('filter-from'),
    to: dateInput('filter-to'),
    team: select('filter-team', 'allTeams'),
    rep: select('filter-rep', 'allReps'),
    source: select('filter-source', 'allSources'),
  };
  const hint = hintKey ? { 'data-i18n-title': hintKey } : {};
  const controls = [];
  if (fields.has('range')) controls.push(label('range', els.range), label(fromKey, els.from, hint), label(toKey, els.to, hint));
  if (fields.has('team')) controls.push(label('team', els.team));
  if (fields.has('rep')) controls.push(label('colRep', els.rep));
  if (fields.has('source')) controls.push(label('source', els.source));
  bar.prepend(...controls);

  let choices = { teams: [], sources: [] };

  // ---- from the URL ----
  const params = new URLSearchParams(location.search);
  const range = (params.get('range') ?? '').toLowerCase();
  if (PRESETS.includes(range)) {
    els.range.value = range;
  } else if (isIsoDate(params.get('from')) && isIsoDate(params.get('to'))) {
    els.range.value = CUSTOM;
    els.from.value = params.get('from');
    els.to.value = params.get('to');
  } else {
    els.range.value = defaultRange;
  }
  // Until the choices arrive, a team, rep or source from the URL is the only one offered.
  fillOptions(els.team, [], params.get('team') ?? '');
  fillOptions(els.rep, [], params.get('rep') ?? '');
  fillOptions(els.source, [], params.get('source') ?? '');
  orderDates();
  writeUrl(); // the URL names the view from the start, so copying it right away reopens the same

  function repsOf(teamId) {
    const rows = teamId ? choices.teams.filter((row) => row.teamId === teamId) : choices.teams;
    return [...new Set(rows.flatMap((row) => row.reps || []))].sort(compareKeys);
  }

  function renderChoices() {
    fillOptions(els.team, choices.teams.map((row) => row.teamId).filter(Boolean).sort(compareKeys), els.team.value);
    fillOptions(els.rep, repsOf(els.team.value), els.rep.value);
    fillOptions(els.source, [...choices.sources].sort(compareKeys), els.source.value);
  }

  // Asked again with a load at most once a minute: a new team, rep or source shows up without a
  // reload, and a live feed refreshing every few seconds does not ask each time.
  let choicesAskedAt = 0;
  function refreshChoices() {
    if (Date.now() - choicesAskedAt < CHOICES_MAX_AGE_MS) return;
    choicesAskedAt = Date.now();
    loadFilterChoices().then((loaded) => {
      choices = loaded;
      renderChoices();
      bar.dataset.choices = 'ready';
    }, (err) => {
      choicesAskedAt = 0;
      console.warn('Pulse: the filter choices could not be loaded', err);
    });
  }
  refreshChoices();

  // Keep from <= to by moving the other end, rather than sending the API an empty range.
  function orderDates(changed) {
    const { from, to } = els;
    if (from.value && to.value && from.value > to.value) {
      if (changed === from) to.value = from.value; else from.value = to.value;
    }
    to.min = from.value;
    from.max = to.value;
  }

  function writeUrl() {
    const next = new URLSearchParams(location.search);
    for (const field of fields) for (const key of FIELD_PARAMS[field] ?? []) next.delete(key);
    if (!fields.has('range')) {
      // no period on this page: its own from/to (if any) stay as they are
    } else if (els.range.value === CUSTOM) {
      next.set('from', els.from.value);
      next.set('to', els.to.value);
    } else {
      next.set('range', els.range.value);
    }
    if (fields.has('team') && els.team.value) next.set('team', els.team.value);
    if (fields.has('rep') && els.rep.value) next.set('rep', els.rep.value);
    if (fields.has('source') && els.source.value) next.set('source', els.source.value);
    history.replaceState(null, '', `?${next}`);
  }

  function onControlChange(event) {
    if (event.target === els.from || event.target === els.to) {
      els.range.value = CUSTOM; // a date typed by hand is a custom range
      orderDates(event.target);
      if (!isIsoDate(els.from.value) || !isIsoDate(els.to.value)) return; // half-typed: wait for a whole one
    }
    if (event.target === els.range && els.range.value === CUSTOM && !(els.from.value && els.to.value)) return;
    // A rep of another team would leave the figures empty: choosing a team clears such a rep.
    if (event.target === els.team && els.rep.value && els.team.value && choices.teams.length
        && !repsOf(els.team.value).includes(els.rep.value)) {
      els.rep.value = '';
    }
    renderChoices();
    writeUrl();
    onChange();
  }
  for (const el of Object.values(els)) el.addEventListener('change', onControlChange);

  return {
    /**
     * The filters of a load: {range, from, to, teamId, repId, source}. A preset is resolved now
     * (and shown in the date inputs), so a page open over midnight moves on with the calendar.
     */
    async read(signal) {
      refreshChoices();
      if (fields.has('range') && els.range.value !== CUSTOM) {
        const resolved = await resolveRange(els.range.value, signal);
        els.from.value = resolved.from;
        els.to.value = resolved.to;
        orderDates();
      }
      return this.current();
    },
    /** The filters as shown, without asking the API (for links built between loads). */
    current() {
      const range = fields.has('range');
      return {
        range: range ? els.range.value : '',
        from: range ? els.from.value : '',
        to: range ? els.to.value : '',
        teamId: fields.has('team') ? els.team.value : '',
        repId: fields.has('rep') ? els.rep.value : '',
        source: fields.has('source') ? els.source.value : '',
      };
    },
    /** Chooses a value as a person would (a click on a rep's bar picks that rep): URL, then onChange. */
    choose(field, value) {
      if (!fields.has(field) || !els[field]) return;
      fillOptions(els[field], [], value);
      renderChoices();
      writeUrl();
      onChange();
    },
    repsOf,
    writeUrl,
  };
}

/** Keeps one of the page's own parameters in the URL beside the bar's; the default is left out. */
export function setUrlParam(key, value, defaultValue) {
  const next = new URLSearchParams(location.search);
  if (value && value !== defaultValue) next.set(key, value); else next.delete(key);
  history.replaceState(null, '', `?${next}`);
}
