-- The read model of Pulse. Flyway migrations are the one source of the schema; jOOQ classes are
-- generated from these files at build time.

-- Fact table: every accepted follow-up once (event_id is the idempotency key), for drill-down.
create table followup (
    event_id          uuid          not null primary key,
    customer_id       varchar(64)   not null,
    customer_name     varchar(200)  not null,
    phone             varchar(32),
    email             varchar(254),
    wechat            varchar(64),
    company           varchar(200),
    position          varchar(200),
    rep_id            varchar(64)   not null,
    rep_name          varchar(200),
    team_id           varchar(64),
    occurred_at       timestamp with time zone not null,
    channel           varchar(16)   not null,
    content           text          not null,
    stage             varchar(64)   not null,
    result            text,
    next_follow_up_at timestamp with time zone,
    lost_reason       text,
    tags              text,
    level             varchar(1),
    source            varchar(100),
    projected_at      timestamp with time zone not null default current_timestamp
);
create index followup_by_customer on followup (customer_id, occurred_at);
create index followup_by_rep on followup (rep_id, occurred_at);

-- Fact table: every sale once; an order id appears once whatever its event id.
create table sale (
    event_id        uuid           not null primary key,
    order_id        varchar(64)    not null unique,
    customer_id     varchar(64)    not null,
    rep_id          varchar(64)    not null,
    team_id         varchar(64),
    product         varchar(200)   not null,
    amount          numeric(18, 4) not null,
    currency        varchar(3)     not null,
    payment_method  varchar(64),
    occurred_at     timestamp with time zone not null,
    shipping_status varchar(64),
    projected_at    timestamp with time zone not null default current_timestamp
);
create index sale_by_time on sale (occurred_at);

-- Aggregate: live follow-up activity per rep or team and day, ISO week or month, as computed by
-- the stream processor (absolute figures, upserted by row_key).
create table rep_activity (
    row_key      varchar(300) not null primary key,
    scope        varchar(8)   not null,
    rep_id       varchar(64),
    team_id      varchar(64),
    granularity  varchar(8)   not null,
    bucket       varchar(16)  not null,
    period_start date         not null,
    period_end   date         not null,
    follow_ups   bigint       not null,
    customers    bigint       not null,
    ch_phone     bigint       not null,
    ch_wechat    bigint       not null,
    ch_email     bigint       not null,
    ch_meeting   bigint       not null,
    ch_visit     bigint       not null,
    ch_other     bigint       not null,
    updated_at   timestamp with time zone not null default current_timestamp
);
create index rep_activity_by_period on rep_activity (scope, granularity, period_start);

-- The projector's consumer offsets, written in the same transaction as the rows they produced:
-- this is what makes Kafka -> PostgreSQL exactly once.
create table projector_offset (
    consumer_group varchar(200) not null,
    topic          varchar(200) not null,
    partition_no   integer      not null,
    next_offset    bigint       not null,
    primary key (consumer_group, topic, partition_no)
);
