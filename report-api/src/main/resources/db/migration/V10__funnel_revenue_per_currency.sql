-- Revenue per currency (issue 17 item 6): funnel_cell.revenue added every sale's amount whatever its
-- currency, so 100 USD and 100 CNY showed as 200 "CNY". Revenue now lives in its own typed rollup,
-- one row per cell and currency, written like funnel_stage: each poll's deltas added with one
-- upsert (revenue = revenue + excluded.revenue), rows reaching zero deleted. Amounts of different
-- currencies are never added in SQL: every read groups by currency.
create table funnel_revenue (
    cohort_day date           not null,
    cell_key   varchar        not null,
    grain      varchar(4)     not null,
    currency   varchar(3)     not null, -- ISO 4217; XXX: revenue projected before V10, currency unknown
    rep_id     varchar,
    team_id    varchar,
    source     varchar,
    revenue    numeric(18, 4) not null, -- sum of the cell's customers' sales in this currency
    primary key (cohort_day, cell_key, currency)
);
create index funnel_revenue_by_grain on funnel_revenue (grain, cohort_day);
create index funnel_revenue_by_rep on funnel_revenue (rep_id, cohort_day);
create index funnel_revenue_by_team on funnel_revenue (team_id, grain, cohort_day);

-- What is already projected cannot be split by currency: funnel_cell kept one sum, and the stream
-- processor's state kept no currency for the orders it counted. Both read the old figure as currency
-- XXX ("currency unknown" on the page), so the processor's later retractions of those orders meet the
-- row they were counted in and the sums stay exact; ./pulse rebuild replays the sales, which always
-- carried their currency, and leaves no XXX. The single column goes, so nothing can read a sum of
-- several currencies again. (PostgreSQL only: jOOQ's code generator skips the data part.)
/* [jooq ignore start] */
insert into funnel_revenue (cohort_day, cell_key, grain, currency, rep_id, team_id, source, revenue)
select cohort_day, cell_key, grain, 'XXX', rep_id, team_id, source, revenue
from funnel_cell
where revenue <> 0;
/* [jooq ignore stop] */

alter table funnel_cell drop column revenue;
