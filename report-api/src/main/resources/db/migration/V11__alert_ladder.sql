-- Issue 14, the escalation ladder: a customer nobody followed up is released to the 公海 pool (an
-- open RELEASED alert) until the next follow-up by any rep claims it; claimed_by is that rep.
alter table alert add column claimed_by varchar(64);
-- The pool list: open RELEASED alerts.
create index alert_pool on alert (opened_at) where kind = 'RELEASED' and status = 'OPEN';
-- A rep's claims of a day, for the daily claim limit at ingest.
create index alert_claims on alert (claimed_by, resolved_at) where claimed_by is not null;
