-- The funnel's per-stage figures as typed, additive rows beside funnel_cell (issue 12): one row per
-- cell and stage, stage change, or stage and whole days. The projector adds each poll's deltas
-- with upserts (figure = figure + delta) instead of reading, merging and rewriting a JSON document
-- per cell, and the reports sum them with GROUP BY instead of parsing a document per cell in Java.
--
-- Each row repeats its cell's identity (cohort day, rep, team, source) so a report reads one table
-- without a join. cell_key (funnel_cell's key, which holds the cohort day) identifies the cell:
-- rep, team and source may be null, so they cannot be part of a primary key. Every primary key
-- starts with cohort_day, so a report's period bounds an index range; the rep and team indexes
-- bound the range of a rep's or a team's funnel (filters and access scopes). The figure columns are
-- in no index, so adding to them is a HOT update that writes no index.
--
-- A row whose figures all reach zero is deleted, as is every row of a cell left without customers:
-- the tables hold no zero rows, as the JSON figures held no zero entries.

create table funnel_stage (
    cohort_day date    not null,
    cell_key   varchar not null,
    stage      varchar not null,
    rep_id     varchar,
    team_id    varchar,
    source     varchar,
    reached    bigint  not null, -- customers of the cell that reached the stage
    at_stage   bigint  not null, -- customers of the cell now at the stage
    primary key (cohort_day, cell_key, stage)
);
create index funnel_stage_by_rep on funnel_stage (rep_id, cohort_day);
create index funnel_stage_by_team on funnel_stage (team_id, cohort_day);

create table funnel_transition (
    cohort_day date    not null,
    cell_key   varchar not null,
    from_stage varchar not null,
    to_stage   varchar not null,
    rep_id     varchar,
    team_id    varchar,
    source     varchar,
    n          bigint  not null, -- stage changes from from_stage to to_stage
    primary key (cohort_day, cell_key, from_stage, to_stage)
);
create index funnel_transition_by_rep on funnel_transition (rep_id, cohort_day);
create index funnel_transition_by_team on funnel_transition (team_id, cohort_day);

-- Time in stage as a histogram of whole days, so a median can be taken over any sum of cells.
create table funnel_stage_days (
    cohort_day date    not null,
    cell_key   varchar not null,
    stage      varchar not null,
    days       bigint  not null,
    rep_id     varchar,
    team_id    varchar,
    source     varchar,
    n          bigint  not null, -- customers that spent this many whole days in the stage
    primary key (cohort_day, cell_key, stage, days)
);
create index funnel_stage_days_by_rep on funnel_stage_days (rep_id, cohort_day);
create index funnel_stage_days_by_team on funnel_stage_days (team_id, cohort_day);

-- funnel_cell keeps customers, with_sale and revenue; a rep's or team's funnel is a bounded range too.
create index funnel_cell_by_rep on funnel_cell (rep_id, cohort_day);
create index funnel_cell_by_team on funnel_cell (team_id, cohort_day);

-- Existing cells: their JSON figures into the new tables, so a database projected before this
-- migration answers the same without a rebuild. (PostgreSQL only: jOOQ's code generator, which
-- reads these files for the schema alone, skips this part.)
/* [jooq ignore start] */
create function pg_temp.funnel_object(figures jsonb, name text) returns jsonb language sql immutable as $$
    select case when jsonb_typeof(figures -> name) = 'object' then figures -> name else '{}'::jsonb end
$$;

insert into funnel_stage (cohort_day, cell_key, stage, rep_id, team_id, source, reached, at_stage)
select c.cohort_day, c.cell_key, s.stage, c.rep_id, c.team_id, c.source,
       coalesce((pg_temp.funnel_object(c.figures::jsonb, 'reached') ->> s.stage)::bigint, 0),
       coalesce((pg_temp.funnel_object(c.figures::jsonb, 'current') ->> s.stage)::bigint, 0)
from funnel_cell c
cross join lateral (
    select jsonb_object_keys(pg_temp.funnel_object(c.figures::jsonb, 'reached'))
    union
    select jsonb_object_keys(pg_temp.funnel_object(c.figures::jsonb, 'current'))
) as s(stage);
delete from funnel_stage where reached = 0 and at_stage = 0;

-- Only FROM>TO with a non-empty FROM: the reports never showed another key.
insert into funnel_transition (cohort_day, cell_key, from_stage, to_stage, rep_id, team_id, source, n)
select c.cohort_day, c.cell_key, left(t.move, strpos(t.move, '>') - 1), substr(t.move, strpos(t.move, '>') + 1),
       c.rep_id, c.team_id, c.source, t.n::bigint
from funnel_cell c
cross join lateral jsonb_each_text(pg_temp.funnel_object(c.figures::jsonb, 'transitions')) as t(move, n)
where strpos(t.move, '>') > 1 and t.n is not null and t.n::bigint <> 0;

-- Only whole days (" 3" is 3, as the reports read it): the reports skipped any other key.
insert into funnel_stage_days (cohort_day, cell_key, stage, days, rep_id, team_id, source, n)
select c.cohort_day, c.cell_key, s.stage, h.days::bigint, c.rep_id, c.team_id, c.source, sum(h.n::bigint)
from funnel_cell c
cross join lateral jsonb_each(pg_temp.funnel_object(c.figures::jsonb, 'stageDays')) as s(stage, histogram)
cross join lateral jsonb_each_text(case when jsonb_typeof(s.histogram) = 'object' then s.histogram else '{}' end)
    as h(days, n)
where h.days ~ '^\s*[+-]?[0-9]+\s*$' and h.n is not null
group by c.cohort_day, c.cell_key, s.stage, h.days::bigint, c.rep_id, c.team_id, c.source
having sum(h.n::bigint) <> 0;
/* [jooq ignore stop] */

-- The JSON is read by no report any more, and the projector no longer writes it.
alter table funnel_cell drop column figures;
