-- Issue 15: the rep's estimate of the deal on a follow-up (预计成交金额 in its currency, 预计成交日期),
-- read by the forecast. Nullable: older follow-ups carry none, and a column added with no default
-- leaves the existing rows untouched (no table rewrite).
alter table followup
    add column expected_amount     numeric(18, 4),
    add column expected_currency   varchar(3),
    add column expected_close_date date;
