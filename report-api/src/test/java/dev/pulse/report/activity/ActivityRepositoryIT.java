package dev.pulse.report.activity;

import static dev.pulse.report.db.Tables.FOLLOWUP;
import static dev.pulse.report.db.Tables.SALE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.events.activity.ActivityScope;
import dev.pulse.events.activity.Granularity;
import dev.pulse.report.ReadModelSlice;
import dev.pulse.report.drill.FactConditions;
import dev.pulse.report.web.DateRange;
import dev.pulse.security.AccessScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The activity queries in a jOOQ slice against a real, migrated PostgreSQL: rows written here in
 * plain SQL, each test's writes rolled back. Expected rows and totals are worked out by hand from
 * the rows below (range 2026-03-01..2026-03-10, Asia/Shanghai):
 * <pre>
 * REP  DAY  2026-02-27 rep-a team-a  9 follow-ups, 9 customers   before the range
 * REP  DAY  2026-03-02 rep-a team-a  3, 2  (PHONE 2, WECHAT 1)
 * REP  DAY  2026-03-02 rep-b team-a  5, 4  (PHONE 5)
 * REP  DAY  2026-03-03 rep-c team-b  4, 3  (VISIT 4)
 * REP  DAY  2026-03-05 rep-a team-a  1, 1  (EMAIL 1)
 * TEAM DAY  2026-03-02       team-a  8, 6
 * REP  WEEK 2026-02-16..22 rep-a     6     does not reach the range
 * REP  WEEK 2026-02-23..03-01 rep-a  2     overlaps it by its last day
 * sales: 1000.00 CNY rep-a 03-02, 250.50 CNY rep-c 03-04, 99.99 USD rep-b 03-09 23:30 (+08),
 *        500 CNY rep-a at 2026-03-10T16:30Z = 03-11 00:30 in Shanghai, after the range
 * </pre>
 */
@ReadModelSlice
@Import({ActivityRepository.class, ActivityBySource.class})
class ActivityRepositoryIT {

    private static final DateRange RANGE = new DateRange(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 10));
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    DSLContext db;

    @Autowired
    ActivityRepository repository;

    @BeforeEach
    void rows() {
        day("rep-a", "team-a", "2026-02-27", 9, 9, 9, 0, 0, 0);
        day("rep-a", "team-a", "2026-03-02", 3, 2, 2, 1, 0, 0);
        day("rep-b", "team-a", "2026-03-02", 5, 4, 5, 0, 0, 0);
        day("rep-c", "team-b", "2026-03-03", 4, 3, 0, 0, 0, 4);
        day("rep-a", "team-a", "2026-03-05", 1, 1, 0, 0, 1, 0);
        insert("TEAM|team-a|DAY|2026-03-02", "TEAM", null, "team-a", "DAY", "2026-03-02", "2026-03-02", "2026-03-02", 8, 6, 8, 0, 0, 0);
        insert("REP|rep-a|WEEK|2026-W08", "REP", "rep-a", "team-a", "WEEK", "2026-W08", "2026-02-16", "2026-02-22", 6, 5, 6, 0, 0, 0);
        insert("REP|rep-a|WEEK|2026-W09", "REP", "rep-a", "team-a", "WEEK", "2026-W09", "2026-02-23", "2026-03-01", 2, 2, 2, 0, 0, 0);
        sale("SO-1", "rep-a", "team-a", "1000.00", "CNY", "2026-03-02T10:00:00+08:00");
        sale("SO-2", "rep-c", "team-b", "250.50", "CNY", "2026-03-04T09:00:00+08:00");
        sale("SO-3", "rep-b", "team-a", "99.99", "USD", "2026-03-09T23:30:00+08:00");
        sale("SO-4", "rep-a", "team-a", "500", "CNY", "2026-03-10T16:30:00Z");
    }

    @Test
    void shouldListTheRowsInTheRangeByPeriodTeamAndRep() {
        assertThat(lines(repository.rows(AccessScope.everything(), ActivityScope.REP, Granularity.DAY, RANGE, null, null, null, SHANGHAI)))
                .containsExactly("rep-a 2026-03-02 3/2 {PHONE=2, WECHAT=1}", "rep-b 2026-03-02 5/4 {PHONE=5}",
                        "rep-c 2026-03-03 4/3 {VISIT=4}", "rep-a 2026-03-05 1/1 {EMAIL=1}");
        assertThat(lines(repository.rows(AccessScope.everything(), ActivityScope.REP, Granularity.WEEK, RANGE, null, null, null, SHANGHAI)))
                .containsExactly("rep-a 2026-02-23 2/2 {PHONE=2}");
        assertThat(lines(repository.rows(AccessScope.everything(), ActivityScope.REP, Granularity.DAY, RANGE, "rep-b", null, null, SHANGHAI)))
                .containsExactly("rep-b 2026-03-02 5/4 {PHONE=5}");
    }

    @Test
    void shouldReadOnlyTheRowsInTheCallersScope() {
        assertThat(lines(repository.rows(AccessScope.rep("rep-a"), ActivityScope.REP, Granularity.DAY, RANGE, null, null, null, SHANGHAI)))
                .containsExactly("rep-a 2026-03-02 3/2 {PHONE=2, WECHAT=1}", "rep-a 2026-03-05 1/1 {EMAIL=1}");
        assertThat(lines(repository.rows(AccessScope.teams(Set.of("team-b")), ActivityScope.REP, Granularity.DAY, RANGE, null, null, null, SHANGHAI)))
                .containsExactly("rep-c 2026-03-03 4/3 {VISIT=4}");
        // a rep's own figures never include a team's; a manager sees their team's row
        assertThat(repository.rows(AccessScope.rep("rep-a"), ActivityScope.TEAM, Granularity.DAY, RANGE, null, null, null, SHANGHAI)).isEmpty();
        assertThat(lines(repository.rows(AccessScope.teams(Set.of("team-a")), ActivityScope.TEAM, Granularity.DAY, RANGE, null, null, null, SHANGHAI)))
                .containsExactly("null 2026-03-02 8/6 {PHONE=8}");
        assertThat(repository.rows(AccessScope.nothing(), ActivityScope.REP, Granularity.DAY, RANGE, null, null, null, SHANGHAI)).isEmpty();
    }

    @Test
    void shouldAddUpTheDaysAndTheSalesPerCurrencyInTheReportingZone() {
        // follow-ups 3+5+4+1, reps a b c, teams a b, customers 2+4+3+1; SO-4 falls on 03-11 in Shanghai
        assertThat(repository.summary(AccessScope.everything(), RANGE, null, null, null, SHANGHAI)).isEqualTo(new ActivitySummary(
                13, 3, 2, 10, 3, Map.of("CNY", new BigDecimal("1250.50"), "USD", new BigDecimal("99.99"))));
        // team-a only: follow-ups 3+5+1, reps a b, customers 2+4+1; sales SO-1 and SO-3
        assertThat(repository.summary(AccessScope.teams(Set.of("team-a")), RANGE, null, null, null, SHANGHAI)).isEqualTo(new ActivitySummary(
                9, 2, 1, 7, 2, Map.of("CNY", new BigDecimal("1000.00"), "USD", new BigDecimal("99.99"))));
        assertThat(repository.summary(AccessScope.rep("rep-c"), RANGE, null, null, null, SHANGHAI)).isEqualTo(new ActivitySummary(
                4, 1, 1, 3, 1, Map.of("CNY", new BigDecimal("250.50"))));
    }

    @Test
    void shouldListTheTeamsAndTheirRepsInScope() {
        assertThat(repository.teams(AccessScope.everything())).containsExactly(
                new TeamView("team-a", List.of("rep-a", "rep-b")), new TeamView("team-b", List.of("rep-c")));
        assertThat(repository.teams(AccessScope.rep("rep-a"))).containsExactly(new TeamView("team-a", List.of("rep-a")));
    }

    private static List<String> lines(List<ActivityRowView> rows) {
        return rows.stream().map(r -> r.repId() + " " + r.periodStart() + " " + r.followUps() + "/" + r.customers() + " "
                + r.byChannel()).toList();
    }

    private void day(String rep, String team, String date, long followUps, long customers, long phone, long wechat,
                     long email, long visit) {
        insert("REP|" + rep + "|DAY|" + date, "REP", rep, team, "DAY", date, date, date, followUps, customers, phone,
                wechat, email, visit);
    }

    private void insert(String key, String scope, String rep, String team, String granularity, String bucket, String start,
                        String end, long followUps, long customers, long phone, long wechat, long email, long visit) {
        db.execute("insert into rep_activity (row_key, scope, rep_id, team_id, granularity, bucket, period_start, period_end,"
                        + " follow_ups, customers, ch_phone, ch_wechat, ch_email, ch_meeting, ch_visit, ch_other)"
                        + " values (?, ?, ?, ?, ?, ?, ?::date, ?::date, ?, ?, ?, ?, ?, 0, ?, 0)",
                key, scope, rep, team, granularity, bucket, start, end, followUps, customers, phone, wechat, email, visit);
    }

    private void sale(String order, String rep, String team, String amount, String currency, String at) {
        db.execute("insert into sale (event_id, order_id, customer_id, rep_id, team_id, product, amount, currency, occurred_at)"
                        + " values (gen_random_uuid(), ?, 'C1', ?, ?, '软件许可', ?::numeric, ?, ?::timestamptz)",
                order, rep, team, amount, currency, at);
    }

    /**
     * The overview cut by source, counted from the follow-up facts (written here in plain SQL, rolled
     * back after each test). The range is ISO week 2026-W10, Monday 03-02 to Sunday 03-08, in
     * Asia/Shanghai; times below are Shanghai's.
     * <pre>
     * f1  c1 rep-a team-a 03-01 10:00 PHONE   source web    before the range (Sunday of W09), in March
     * f2  c1 rep-a team-a 03-02 10:00 PHONE   source expo   c1 stays web: its history named web first
     * f3  c1 rep-a team-a 03-02 15:00 WECHAT
     * f9  c1 rep-a team-a 03-02 15:00 WECHAT                f3 typed again: a duplicate entry, counted nowhere
     * f4  c2 rep-a team-a 03-03 10:00 EMAIL   source expo   c2 is expo
     * f5  c3 rep-b team-a 03-03 11:00 PHONE                 no source yet...
     * f6  c3 rep-b team-a 03-04 10:00 PHONE   source web    ...so c3 is web, for f5 too
     * f7  c4 rep-c team-b 03-05 23:30 VISIT   source web
     * f8  c4 rep-c  -     03-09 00:30 PHONE                 Monday of W11 in Shanghai (still 03-08 in UTC)
     * f10 c5 rep-b team-a 03-06 10:00 MEETING source web
     * sales in the range: c1 100.00 CNY, c2 200.00 CNY, c4 50.00 USD; c1 999.00 CNY on 03-09, after it
     * </pre>
     * Web's customers: c1, c3, c4, c5; expo's: c2. The activity rows above are in no fact: they count
     * for nothing here, and the sales above are to a customer of no source.
     */
    @Nested
    class BySource {

        private static final DateRange WEEK_10 = new DateRange(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 8));

        @BeforeEach
        void facts() {
            followUp("c1", "rep-a", "team-a", "2026-03-01T10:00", "PHONE", "web");
            followUp("c1", "rep-a", "team-a", "2026-03-02T10:00", "PHONE", "expo");
            UUID original = followUp("c1", "rep-a", "team-a", "2026-03-02T15:00", "WECHAT", null);
            UUID copy = followUp("c1", "rep-a", "team-a", "2026-03-02T15:00", "WECHAT", null);
            followUp("c2", "rep-a", "team-a", "2026-03-03T10:00", "EMAIL", "expo");
            followUp("c3", "rep-b", "team-a", "2026-03-03T11:00", "PHONE", null);
            followUp("c3", "rep-b", "team-a", "2026-03-04T10:00", "PHONE", "web");
            followUp("c4", "rep-c", "team-b", "2026-03-05T23:30", "VISIT", "web");
            followUp("c4", "rep-c", null, "2026-03-09T00:30", "PHONE", null);
            followUp("c5", "rep-b", "team-a", "2026-03-06T10:00", "MEETING", "web");
            db.execute("""
                    insert into duplicate_flag (flag_id, type, flag_key, customer_ids, rep_ids, event_ids, first_seen_at, updated_at)
                    values (gen_random_uuid(), 'DUPLICATE_ENTRY', 'c1|rep-a', array['c1'], array['rep-a'], array[?, ?], now(), now())""",
                    original.toString(), copy.toString());
            sale("BY-SOURCE-1", "c1", "rep-a", "team-a", "100.00", "CNY", "2026-03-02T11:00");
            sale("BY-SOURCE-2", "c2", "rep-a", "team-a", "200.00", "CNY", "2026-03-03T11:00");
            sale("BY-SOURCE-3", "c4", "rep-c", "team-b", "50.00", "USD", "2026-03-05T12:00");
            sale("BY-SOURCE-4", "c1", "rep-a", "team-a", "999.00", "CNY", "2026-03-09T11:00");
        }

        @Test
        void shouldCountEachDayOfTheSourcesCustomersAsTheActivityRowsWould() {
            assertThat(sourceLines(rows(AccessScope.everything(), ActivityScope.REP, Granularity.DAY, "web"))).containsExactly(
                    "rep-a team-a 2026-03-02 2/1 {PHONE=1, WECHAT=1}", "rep-b team-a 2026-03-03 1/1 {PHONE=1}",
                    "rep-b team-a 2026-03-04 1/1 {PHONE=1}", "rep-c team-b 2026-03-05 1/1 {VISIT=1}",
                    "rep-b team-a 2026-03-06 1/1 {MEETING=1}");
            assertThat(sourceLines(rows(AccessScope.everything(), ActivityScope.REP, Granularity.DAY, "expo")))
                    .containsExactly("rep-a team-a 2026-03-03 1/1 {EMAIL=1}");
            assertThat(rows(AccessScope.everything(), ActivityScope.REP, Granularity.DAY, "fair")).isEmpty();
        }

        @Test
        void shouldCountWholePeriodsAndTeamsOnceAsTheActivityRowsDo() {
            // W10 only: f1 is in W09, f8 in W11
            assertThat(sourceLines(rows(AccessScope.everything(), ActivityScope.REP, Granularity.WEEK, "web"))).containsExactly(
                    "rep-a team-a 2026-03-02 2/1 {PHONE=1, WECHAT=1}", "rep-b team-a 2026-03-02 3/2 {PHONE=2, MEETING=1}",
                    "rep-c team-b 2026-03-02 1/1 {VISIT=1}");
            // the whole of March: f1 before the range counts, and f8 under rep-c with no team, after team-b
            assertThat(sourceLines(rows(AccessScope.everything(), ActivityScope.REP, Granularity.MONTH, "web"))).containsExactly(
                    "rep-a team-a 2026-03-01 3/1 {PHONE=2, WECHAT=1}", "rep-b team-a 2026-03-01 3/2 {PHONE=2, MEETING=1}",
                    "rep-c team-b 2026-03-01 1/1 {VISIT=1}", "rep-c null 2026-03-01 1/1 {PHONE=1}");
            // a team row counts a customer once whichever rep touched it; no row for no team
            assertThat(sourceLines(rows(AccessScope.everything(), ActivityScope.TEAM, Granularity.WEEK, "web"))).containsExactly(
                    "null team-a 2026-03-02 5/3 {PHONE=3, WECHAT=1, MEETING=1}", "null team-b 2026-03-02 1/1 {VISIT=1}");
            assertThat(sourceLines(rows(AccessScope.everything(), ActivityScope.TEAM, Granularity.MONTH, "web"))).containsExactly(
                    "null team-a 2026-03-01 6/3 {PHONE=4, WECHAT=1, MEETING=1}", "null team-b 2026-03-01 1/1 {VISIT=1}");
        }

        @Test
        void shouldKeepToTheCallersScopeAndFilters() {
            assertThat(sourceLines(rows(AccessScope.rep("rep-b"), ActivityScope.REP, Granularity.WEEK, "web")))
                    .containsExactly("rep-b team-a 2026-03-02 3/2 {PHONE=2, MEETING=1}");
            assertThat(sourceLines(rows(AccessScope.teams(Set.of("team-b")), ActivityScope.TEAM, Granularity.WEEK, "web")))
                    .containsExactly("null team-b 2026-03-02 1/1 {VISIT=1}");
            // a rep sees no team rows, as in the activity rows
            assertThat(rows(AccessScope.rep("rep-b"), ActivityScope.TEAM, Granularity.WEEK, "web")).isEmpty();
            assertThat(sourceLines(repository.rows(AccessScope.everything(), ActivityScope.REP, Granularity.WEEK, WEEK_10, "rep-a",
                    null, "web", SHANGHAI))).containsExactly("rep-a team-a 2026-03-02 2/1 {PHONE=1, WECHAT=1}");
            assertThat(sourceLines(repository.rows(AccessScope.everything(), ActivityScope.REP, Granularity.WEEK, WEEK_10, null,
                    "team-b", "web", SHANGHAI))).containsExactly("rep-c team-b 2026-03-02 1/1 {VISIT=1}");
        }

        @Test
        void shouldTotalTheSourceAndListAsManyFollowUpsAndSalesAsItCounts() {
            // web: f2 f3 f5 f6 f7 f10; reps a b c; teams a b; touches rep-a c1 03-02, rep-b c3 03-03 and 03-04,
            // rep-c c4 03-05, rep-b c5 03-06; sales SO-1 and SO-3 (SO-4 is after the range)
            ActivitySummary web = repository.summary(AccessScope.everything(), WEEK_10, null, null, "web", SHANGHAI);
            assertThat(web).isEqualTo(new ActivitySummary(6, 3, 2, 5, 2,
                    Map.of("CNY", new BigDecimal("100.00"), "USD", new BigDecimal("50.00"))));
            assertThat(repository.summary(AccessScope.everything(), WEEK_10, null, null, "expo", SHANGHAI))
                    .isEqualTo(new ActivitySummary(1, 1, 1, 1, 1, Map.of("CNY", new BigDecimal("200.00"))));
            assertThat(repository.summary(AccessScope.teams(Set.of("team-a")), WEEK_10, null, null, "web", SHANGHAI))
                    .isEqualTo(new ActivitySummary(5, 2, 1, 4, 1, Map.of("CNY", new BigDecimal("100.00"))));
            // the lists behind the cards (the drill-downs' conditions) are as long as the cards
            assertThat(db.fetchCount(FOLLOWUP, FactConditions.followUps(AccessScope.everything(), WEEK_10, SHANGHAI, null, null,
                    "web"))).isEqualTo(web.followUps());
            assertThat(db.fetchCount(SALE, FactConditions.sales(AccessScope.everything(), WEEK_10, SHANGHAI, null, null, "web")))
                    .isEqualTo(web.sales());
        }

        private List<ActivityRowView> rows(AccessScope access, ActivityScope scope, Granularity granularity, String source) {
            return repository.rows(access, scope, granularity, WEEK_10, null, null, source, SHANGHAI);
        }

        private static List<String> sourceLines(List<ActivityRowView> rows) {
            return rows.stream().map(r -> r.repId() + " " + r.teamId() + " " + r.periodStart() + " " + r.followUps() + "/"
                    + r.customers() + " " + r.byChannel()).toList();
        }

        private UUID followUp(String customer, String rep, String team, String localTime, String channel, String source) {
            UUID eventId = UUID.randomUUID();
            db.execute("""
                    insert into followup (event_id, customer_id, customer_name, rep_id, team_id, occurred_at, channel, content,
                        stage, source) values (?, ?, ?, ?, ?, ?::timestamptz, ?, '电话沟通', 'LEAD', ?)""",
                    eventId, customer, customer, rep, team, localTime + ":00+08:00", channel, source);
            return eventId;
        }

        private void sale(String order, String customer, String rep, String team, String amount, String currency,
                          String localTime) {
            db.execute("insert into sale (event_id, order_id, customer_id, rep_id, team_id, product, amount, currency, occurred_at)"
                            + " values (gen_random_uuid(), ?, ?, ?, ?, '软件许可', ?::numeric, ?, ?::timestamptz)",
                    order, customer, rep, team, amount, currency, localTime + ":00+08:00");
        }
    }
}
