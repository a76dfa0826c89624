-- Issue 13. METRICS: a scraper's token (or user) that reads /actuator/prometheus and no figure.
alter table api_token drop constraint api_token_role;
alter table api_token add constraint api_token_role check (role in ('REP', 'MANAGER', 'ADMIN', 'BI', 'INGEST', 'METRICS'));
alter table pulse_user drop constraint pulse_user_role;
alter table pulse_user add constraint pulse_user_role check (role in ('REP', 'MANAGER', 'ADMIN', 'BI', 'INGEST', 'METRICS'));
