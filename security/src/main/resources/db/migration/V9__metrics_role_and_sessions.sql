-- Issue 13. METRICS: a scraper's token (or user) that reads /actuator/prometheus and no figure.
alter table api_token drop constraint api_token_role;
alter table api_token add constraint api_token_role check (role in ('REP', 'MANAGER', 'ADMIN', 'BI', 'INGEST', 'METRICS'));
alter table pulse_user drop constraint pulse_user_role;
alter table pulse_user add constraint pulse_user_role check (role in ('REP', 'MANAGER', 'ADMIN', 'BI', 'INGEST', 'METRICS'));

-- Sign-in sessions of report-api (Spring Session JDBC's own PostgreSQL schema), kept here instead of
-- in one instance's memory, so that any report-api instance serves a signed-in person's next request.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);
