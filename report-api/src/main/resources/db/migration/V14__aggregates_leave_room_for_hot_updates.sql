-- The projector adds to the same aggregate rows over and over (figure = figure + delta). An update
-- that changes no indexed column can stay on its page as a HOT update, without a new entry in any
-- index, but only if the page has room: at the default fillfactor of 100 it never has, so every
-- addition wrote a new entry into each of a funnel table's four or five indexes. A fillfactor of 70
-- keeps room on every page; it applies to pages written from now on (a rebuild or VACUUM FULL
-- rewrites the old ones).
/* [jooq ignore start] */
alter table rep_activity set (fillfactor = 70);
alter table funnel_cell set (fillfactor = 70);
alter table funnel_stage set (fillfactor = 70);
alter table funnel_transition set (fillfactor = 70);
alter table funnel_stage_days set (fillfactor = 70);
alter table funnel_revenue set (fillfactor = 70);
/* [jooq ignore stop] */
