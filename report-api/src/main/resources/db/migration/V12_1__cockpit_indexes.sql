-- Issue 15: the cockpit's reports find a cohort's customers through the follow-ups of the period
-- (journey/CustomerJourneys), so a period is an index range rather than a scan of every follow-up.
create index followup_by_time on followup (occurred_at);
-- Pipeline velocity's average deal sums the sales of a cohort's won customers.
create index sale_by_customer on sale (customer_id);
-- The forecast finds open customers through the follow-ups naming an expected close date in its months.
create index followup_by_close_date on followup (expected_close_date) where expected_close_date is not null;
