-- Issue 14: a delivery counts only when the robot confirms it, and one alert is sent once even with
-- several report-api instances.

-- What a robot message is made of, kept apart from the rendered payload so that the deliverer can
-- sign it at send time (the signature holds a timestamp) and merge or shorten several rows of one
-- robot into one message. Rows queued before V8 have none of it and are sent as their payload.
alter table webhook_delivery add column title text;
alter table webhook_delivery add column body_text text;
-- Whom the message @mentions on this receiver's robot: mobile numbers and the robot's user ids,
-- comma separated.
alter table webhook_delivery add column mention_mobiles varchar(1000);
alter table webhook_delivery add column mention_user_ids varchar(1000);
-- The lease of the instance that is sending the row: another instance skips it until it expires.
alter table webhook_delivery add column claimed_by varchar(200);
alter table webhook_delivery add column claimed_until timestamp with time zone;
-- Set when the retry budget is spent: the row waits for an admin's retry, never dropped silently.
alter table webhook_delivery add column failed_at timestamp with time zone;
create index webhook_delivery_failed on webhook_delivery (failed_at);

-- Every message sent (or about to be sent) to a robot, reserved when rows are claimed: the rate
-- limit of each robot (about 20 a minute) is counted here, across all instances.
create table webhook_send (
    webhook varchar(1000) not null,
    sent_at timestamp with time zone not null
);
create index webhook_send_by_robot on webhook_send (webhook, sent_at);
