-- Who may see what (issue 6). This migration ships in the security module so that ingest-service,
-- which only reads api_token, and report-api, which runs Flyway, share one definition.

create table pulse_team (
    team_id    varchar(64)  not null primary key,
    name       varchar(200),
    created_at timestamp with time zone not null default current_timestamp
);

-- People who sign in to the dashboards. Passwords are BCrypt hashes; an OIDC sign-in is matched
-- to a row here by user name to learn its role and scope.
create table pulse_user (
    username      varchar(100) not null primary key,
    password_hash varchar(100),
    role          varchar(16)  not null,
    rep_id        varchar(64),
    display_name  varchar(200),
    disabled      boolean      not null default false,
    created_at    timestamp with time zone not null default current_timestamp,
    constraint pulse_user_role check (role in ('REP', 'MANAGER', 'ADMIN', 'BI', 'INGEST')),
    constraint pulse_user_rep check (role <> 'REP' or rep_id is not null)
);

-- The teams a manager leads.
create table pulse_user_team (
    username varchar(100) not null references pulse_user (username) on delete cascade,
    team_id  varchar(64)  not null references pulse_team (team_id),
    primary key (username, team_id)
);

-- Machine clients. Only the SHA-256 of a token is kept; the token itself is shown once.
create table api_token (
    token_id   uuid         not null primary key,
    token_hash char(64)     not null unique,
    name       varchar(200) not null,
    role       varchar(16)  not null,
    rep_id     varchar(64),
    team_id    varchar(64),
    created_by varchar(200) not null,
    created_at timestamp with time zone not null default current_timestamp,
    revoked_at timestamp with time zone,
    revoked_by varchar(200),
    constraint api_token_role check (role in ('REP', 'MANAGER', 'ADMIN', 'BI', 'INGEST')),
    constraint api_token_scope check ((role <> 'REP' or rep_id is not null) and (role <> 'MANAGER' or team_id is not null))
);

-- Exports, imports, token and user changes: who, what, when and with which filters.
create table audit_log (
    audit_id   bigserial    not null primary key,
    at         timestamp with time zone not null default current_timestamp,
    actor      varchar(200) not null,
    actor_role varchar(16)  not null,
    action     varchar(64)  not null,
    target     varchar(400),
    details    text         not null default '{}'
);
create index audit_log_by_time on audit_log (at desc);
