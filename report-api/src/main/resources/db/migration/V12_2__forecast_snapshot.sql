-- Issue 15: the forecast as it stood each day, so the forecast page shows how a month's forecast
-- moved and, once the month is over, how close it came to what was won. One row per snapshot day,
-- month of expected close, owner rep and team, and currency (so a caller's scope applies); written
-- once a day (forecast/ForecastSnapshots), never updated.
create table forecast_snapshot (
    snapshot_day date           not null,
    close_month  varchar(7)     not null,
    rep_id       varchar(64)    not null,
    team_id      varchar(64),
    currency     varchar(3)     not null,
    customers    bigint         not null,
    pipeline     numeric(18, 2) not null,
    weighted     numeric(18, 2) not null
);
-- An expression index (a rep without a team is one key): jOOQ's code generator cannot parse it, and
-- needs it not, since no generated code names it.
/* [jooq ignore start] */
create unique index forecast_snapshot_key
    on forecast_snapshot (close_month, snapshot_day, rep_id, coalesce(team_id, ''), currency);
/* [jooq ignore stop] */
create index forecast_snapshot_by_day on forecast_snapshot (snapshot_day);
