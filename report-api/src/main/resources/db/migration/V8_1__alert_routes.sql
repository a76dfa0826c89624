-- Issue 14: who receives an alert. An alert goes to its rep's routes, else to its team's, else to
-- the default ones (these rows and PULSE_WEBHOOKS). Admins manage them through the API.
create table alert_route (
    route_id   uuid          not null primary key,
    scope      varchar(8)    not null,
    scope_id   varchar(64),
    format     varchar(16)   not null,
    url        varchar(1000) not null,
    -- the robot's signing secret (DingTalk 加签, Feishu 签名校验): needed in clear to sign, never shown
    secret     varchar(200),
    created_at timestamp with time zone not null default current_timestamp,
    updated_at timestamp with time zone not null default current_timestamp,
    constraint alert_route_scope check (scope in ('REP', 'TEAM', 'DEFAULT')),
    constraint alert_route_scope_id check ((scope = 'DEFAULT' and scope_id is null) or (scope <> 'DEFAULT' and scope_id is not null))
);
create index alert_route_by_scope on alert_route (scope, scope_id);

-- How each robot @mentions a rep: the mobile number (WeCom, DingTalk) and the robot's own user ids.
create table alert_contact (
    rep_id           varchar(64) not null primary key,
    mobile           varchar(32),
    wecom_user_id    varchar(64),
    dingtalk_user_id varchar(64),
    feishu_user_id   varchar(64),
    updated_at       timestamp with time zone not null default current_timestamp
);
