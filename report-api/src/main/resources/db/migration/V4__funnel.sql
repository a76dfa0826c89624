-- The stage funnel (DESIGN.md definition 2) as the stream processor pre-aggregates it: one row per
-- cohort day, owner rep, team and source, upserted by cell_key with absolute figures. Every figure
-- is additive, so a funnel over any period and filter is a sum of rows, never a scan of facts.
-- Identity columns have no length limit: the topic is written by the stream processor, and a value
-- too long for a column would fail, and so block, every projection.
create table funnel_cell (
    cell_key   varchar        not null primary key,
    cohort_day date           not null,
    rep_id     varchar,
    team_id    varchar,
    source     varchar,
    customers  bigint         not null,
    with_sale  bigint         not null,
    revenue    numeric(18, 4) not null,
    -- the cell's JSON as published (reached, current, transitions, stageDays and the rest)
    figures    text           not null,
    updated_at timestamp with time zone not null default current_timestamp
);
create index funnel_cell_by_cohort_day on funnel_cell (cohort_day);
