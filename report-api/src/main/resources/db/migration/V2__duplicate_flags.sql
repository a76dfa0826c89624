-- Duplicate flags as computed by the stream processor (absolute membership, upserted by flag_id),
-- plus what managers decided about them: a dismissed flag keeps who dismissed it and why.
create table duplicate_flag (
    flag_id          uuid          not null primary key,
    type             varchar(32)   not null,
    flag_key         varchar(400)  not null,
    customer_ids     text[]        not null,
    rep_ids          text[]        not null,
    event_ids        text[]        not null,
    first_seen_at    timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    status           varchar(16)   not null default 'OPEN',
    dismissed_by     varchar(200),
    dismissed_reason text,
    dismissed_at     timestamp with time zone,
    projected_at     timestamp with time zone not null default current_timestamp
);
create index duplicate_flag_by_status on duplicate_flag (status, type, updated_at);
