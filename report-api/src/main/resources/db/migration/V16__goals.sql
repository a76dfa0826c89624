-- Issue 15, goals and pacing: what a manager or admin expects of a rep or a team in one period
-- (an ISO week for follow-ups, a month for new customers and revenue). A rep's goal keeps the team
-- it was set in, so a manager's scope and the team leaderboard apply to it.
create table goal (
    goal_id      uuid           not null primary key,
    scope        varchar(8)     not null,
    rep_id       varchar(64),
    team_id      varchar(64)    not null,
    metric       varchar(32)    not null,
    period_start date           not null,
    target       numeric(18, 2) not null,
    -- revenue goals only: revenue is never summed across currencies
    currency     varchar(3),
    set_by       varchar(100)   not null,
    set_at       timestamp with time zone not null,
    constraint goal_scope check (scope in ('REP', 'TEAM')),
    constraint goal_rep check ((scope = 'REP') = (rep_id is not null)),
    constraint goal_metric check (metric in ('FOLLOW_UPS_PER_WEEK', 'NEW_CUSTOMERS_PER_MONTH', 'REVENUE_PER_MONTH')),
    constraint goal_currency check ((metric = 'REVENUE_PER_MONTH') = (currency is not null)),
    constraint goal_target check (target > 0)
);
-- One goal per rep (or team), metric, period and currency; an expression index, which jOOQ's code
-- generator cannot parse and no generated code names.
/* [jooq ignore start] */
create unique index goal_key
    on goal (scope, coalesce(rep_id, ''), team_id, metric, period_start, coalesce(currency, ''));
/* [jooq ignore stop] */
create index goal_by_period on goal (period_start);

-- The robot nudge to a rep behind pace, once a day: the row is claimed in the transaction that queues
-- the message, so a restart or a second report-api instance finds it and sends nothing again.
create table goal_nudge (
    rep_id     varchar(64) not null,
    nudge_day  date        not null,
    goals      integer     not null,
    created_at timestamp with time zone not null default current_timestamp,
    primary key (rep_id, nudge_day)
);
