package dev.pulse.report.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.events.activity.ActivityScope;
import dev.pulse.events.activity.Granularity;
import dev.pulse.report.ReadModelSlice;
import dev.pulse.report.web.DateRange;
import dev.pulse.security.AccessScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
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
@Import(ActivityRepository.class)
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
        assertThat(lines(repository.rows(AccessScope.everything(), ActivityScope.REP, Granularity.DAY, RANGE, null, null)))
                .containsExactly("rep-a 2026-03-02 3/2 {PHONE=2, WECHAT=1}", "rep-b 2026-03-02 5/4 {PHONE=5}",
                        "rep-c 2026-03-03 4/3 {VISIT=4}", "rep-a 2026-03-05 1/1 {EMAIL=1}");
        assertThat(lines(repository.rows(AccessScope.everything(), ActivityScope.REP, Granularity.WEEK, RANGE, null, null)))
                .containsExactly("rep-a 2026-02-23 2/2 {PHONE=2}");
        assertThat(lines(repository.rows(AccessScope.everything(), ActivityScope.REP, Granularity.DAY, RANGE, "rep-b", null)))
                .containsExactly("rep-b 2026-03-02 5/4 {PHONE=5}");
    }

    @Test
    void shouldReadOnlyTheRowsInTheCallersScope() {
        assertThat(lines(repository.rows(AccessScope.rep("rep-a"), ActivityScope.REP, Granularity.DAY, RANGE, null, null)))
                .containsExactly("rep-a 2026-03-02 3/2 {PHONE=2, WECHAT=1}", "rep-a 2026-03-05 1/1 {EMAIL=1}");
        assertThat(lines(repository.rows(AccessScope.teams(Set.of("team-b")), ActivityScope.REP, Granularity.DAY, RANGE, null, null)))
                .containsExactly("rep-c 2026-03-03 4/3 {VISIT=4}");
        // a rep's own figures never include a team's; a manager sees their team's row
        assertThat(repository.rows(AccessScope.rep("rep-a"), ActivityScope.TEAM, Granularity.DAY, RANGE, null, null)).isEmpty();
        assertThat(lines(repository.rows(AccessScope.teams(Set.of("team-a")), ActivityScope.TEAM, Granularity.DAY, RANGE, null, null)))
                .containsExactly("null 2026-03-02 8/6 {PHONE=8}");
        assertThat(repository.rows(AccessScope.nothing(), ActivityScope.REP, Granularity.DAY, RANGE, null, null)).isEmpty();
    }

    @Test
    void shouldAddUpTheDaysAndTheSalesPerCurrencyInTheReportingZone() {
        // follow-ups 3+5+4+1, reps a b c, teams a b, customers 2+4+3+1; SO-4 falls on 03-11 in Shanghai
        assertThat(repository.summary(AccessScope.everything(), RANGE, null, null, SHANGHAI)).isEqualTo(new ActivitySummary(
                13, 3, 2, 10, 3, Map.of("CNY", new BigDecimal("1250.50"), "USD", new BigDecimal("99.99"))));
        // team-a only: follow-ups 3+5+1, reps a b, customers 2+4+1; sales SO-1 and SO-3
        assertThat(repository.summary(AccessScope.teams(Set.of("team-a")), RANGE, null, null, SHANGHAI)).isEqualTo(new ActivitySummary(
                9, 2, 1, 7, 2, Map.of("CNY", new BigDecimal("1000.00"), "USD", new BigDecimal("99.99"))));
        assertThat(repository.summary(AccessScope.rep("rep-c"), RANGE, null, null, SHANGHAI)).isEqualTo(new ActivitySummary(
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
}
