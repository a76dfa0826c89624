-- Stale and overdue alerts as the stream processor opened and resolved them.
create table alert (
    alert_id          uuid         not null primary key,
    kind              varchar(16)  not null,
    status            varchar(16)  not null,
    customer_id       varchar(64)  not null,
    customer_name     varchar(200),
    rep_id            varchar(64),
    team_id           varchar(64),
    stage             varchar(64),
    last_follow_up_at timestamp with time zone,
    next_follow_up_at timestamp with time zone,
    threshold_days    numeric(10, 3),
    due_at            timestamp with time zone not null,
    opened_at         timestamp with time zone not null,
    resolved_at       timestamp with time zone,
    resolution        varchar(32),
    projected_at      timestamp with time zone not null default current_timestamp
);
create index alert_by_status on alert (status, rep_id);
create index alert_by_customer on alert (customer_id, opened_at);

-- The webhook outbox: one row per message and receiver, written in the projector's transaction
-- (so nothing is lost or doubled), delivered at least once by a separate worker with back-off,
-- each receiver on its own so one that is down delays nobody else.
create table webhook_delivery (
    message_id      uuid          not null,
    event           varchar(16)   not null,
    webhook         varchar(1000) not null,
    format          varchar(16)   not null,
    payload         text          not null,
    attempts        integer       not null default 0,
    next_attempt_at timestamp with time zone not null,
    delivered_at    timestamp with time zone,
    last_error      text,
    created_at      timestamp with time zone not null default current_timestamp,
    primary key (message_id, event, webhook)
);
create index webhook_delivery_due on webhook_delivery (delivered_at, next_attempt_at);
