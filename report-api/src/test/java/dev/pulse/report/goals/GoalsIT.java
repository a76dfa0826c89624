package dev.pulse.report.goals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.report.EmbeddedReadModel;
import dev.pulse.report.alerts.AlertParts;
import dev.pulse.report.alerts.AlertProperties;
import dev.pulse.report.config.ReportProperties;
import dev.pulse.security.PulseUser;
import dev.pulse.security.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Goals and pacing (DESIGN.md definition 8) on a real PostgreSQL, with a hand-built read model and
 * a fixed clock. Every figure below is worked out by hand in the comments.
 *
 * <p>Now is Thursday 2026-12-10 12:00 in Shanghai (04:00Z). The week of Monday 2026-12-07 runs to
 * Monday 12-14 00:00, 7 days: 3.5 days have elapsed, share 3.5 / 7 = 0.5. December runs 31 days:
 * 9.5 have elapsed, share 9.5 / 31 = 0.30645..., shown 0.3065.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GoalsIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Thursday 2026-12-10 12:00 in Shanghai. */
    private static final Instant NOON = Instant.parse("2026-12-10T04:00:00Z");
    private static final LocalDate WEEK = LocalDate.of(2026, 12, 7);
    private static final LocalDate DECEMBER = LocalDate.of(2026, 12, 1);

    @RegisterExtension
    static final EmbeddedReadModel readModel = new EmbeddedReadModel();

    private static DSLContext db;

    @BeforeAll
    static void start() {
        db = DSL.using(readModel.migrated(), SQLDialect.POSTGRES);
        seed();
    }

    @BeforeEach
    void signInAsAdmin() {
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken(new PulseUser("admin", Role.ADMIN, null, Set.of()), null));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /**
     * <pre>
     * weekly follow-ups (live activity, week of 12-07):  rep-a 12, rep-b 4, rep-c none (50 the week before),
     *                                                    rep-e 2, rep-d (team west) 5
     * follow-ups (first one of each customer decides whose new customer it is, in Shanghai days):
     *   N1 rep-a 12-02;  N2 rep-a 12-09 and 12-10;  N3 rep-a 11-20 then 12-03 (new in November);
     *   N4 rep-b 12-05 then rep-a 12-06 (rep-b's);  N5 rep-a 12-01 00:30 (December in Shanghai, 11-30 in UTC);
     *   N6 rep-a 11-30 23:30 (November in Shanghai);  all team east
     * sales of rep-b (east): 1,500.00 CNY 12-02, 500.50 CNY 12-08, 9,999 USD 12-03, 7,000 CNY 11-30 10:00
     * </pre>
     */
    private static void seed() {
        activity("rep-a", "east", WEEK, 12);
        activity("rep-b", "east", WEEK, 4);
        activity("rep-c", "east", WEEK.minusWeeks(1), 50);
        activity("rep-e", "east", WEEK, 2);
        activity("rep-d", "west", WEEK, 5);
        followUp("N1", "rep-a", "2026-12-02T10:00:00+08:00");
        followUp("N2", "rep-a", "2026-12-09T10:00:00+08:00");
        followUp("N2", "rep-a", "2026-12-10T09:00:00+08:00");
        followUp("N3", "rep-a", "2026-11-20T10:00:00+08:00");
        followUp("N3", "rep-a", "2026-12-03T10:00:00+08:00");
        followUp("N4", "rep-b", "2026-12-05T10:00:00+08:00");
        followUp("N4", "rep-a", "2026-12-06T10:00:00+08:00");
        followUp("N5", "rep-a", "2026-12-01T00:30:00+08:00");
        followUp("N6", "rep-a", "2026-11-30T23:30:00+08:00");
        sale("o-1", "rep-b", "1500.00", "CNY", "2026-12-02T10:00:00+08:00");
        sale("o-2", "rep-b", "500.50", "CNY", "2026-12-08T10:00:00+08:00");
        sale("o-3", "rep-b", "9999.00", "USD", "2026-12-03T10:00:00+08:00");
        sale("o-4", "rep-b", "7000.00", "CNY", "2026-11-30T10:00:00+08:00");

        goal(Goal.Scope.REP, "rep-a", "east", Metric.FOLLOW_UPS_PER_WEEK, WEEK, "20", null);
        goal(Goal.Scope.REP, "rep-b", "east", Metric.FOLLOW_UPS_PER_WEEK, WEEK, "10", null);
        goal(Goal.Scope.REP, "rep-c", "east", Metric.FOLLOW_UPS_PER_WEEK, WEEK, "8", null);
        goal(Goal.Scope.REP, "rep-e", "east", Metric.FOLLOW_UPS_PER_WEEK, WEEK, "5", null);
        goal(Goal.Scope.REP, "rep-d", "west", Metric.FOLLOW_UPS_PER_WEEK, WEEK, "1", null);
        // next week's goal is not this week's
        goal(Goal.Scope.REP, "rep-a", "east", Metric.FOLLOW_UPS_PER_WEEK, WEEK.plusWeeks(1), "99", null);
        goal(Goal.Scope.REP, "rep-a", "east", Metric.NEW_CUSTOMERS_PER_MONTH, DECEMBER, "4", null);
        goal(Goal.Scope.TEAM, null, "east", Metric.NEW_CUSTOMERS_PER_MONTH, DECEMBER, "10", null);
        goal(Goal.Scope.REP, "rep-b", "east", Metric.REVENUE_PER_MONTH, DECEMBER, "10000", "CNY");
    }

    @Test
    void shouldMeasureEachGoalAgainstTheShareOfItsPeriodElapsed() {
        // when
        List<Attainment> rows = attainments(NOON).forCaller(LocalDate.of(2026, 12, 10), null, null, null);

        // then: actual, attainment = actual / target, elapsed, expected = target x elapsed, pace = actual / expected
        Map<String, String> byGoal = rows.stream().collect(Collectors.toMap(GoalsIT::key, GoalsIT::figures));
        assertThat(byGoal).containsExactlyInAnyOrderEntriesOf(Map.of(
                // 12 / 20 = 0.6; 20 x 0.5 = 10; 12 / 10 = 1.2
                "rep-a FOLLOW_UPS_PER_WEEK", "12 0.6000 0.5000 10.00 1.2000 false",
                // 4 / 10 = 0.4; 10 x 0.5 = 5; 4 / 5 = 0.8
                "rep-b FOLLOW_UPS_PER_WEEK", "4 0.4000 0.5000 5.00 0.8000 true",
                // nothing this week (last week's 50 do not count)
                "rep-c FOLLOW_UPS_PER_WEEK", "0 0.0000 0.5000 4.00 0.0000 true",
                // 2 / 5 = 0.4; 5 x 0.5 = 2.5; 2 / 2.5 = 0.8
                "rep-e FOLLOW_UPS_PER_WEEK", "2 0.4000 0.5000 2.50 0.8000 true",
                // 5 / 1 = 5; 1 x 0.5 = 0.5; 5 / 0.5 = 10
                "rep-d FOLLOW_UPS_PER_WEEK", "5 5.0000 0.5000 0.50 10.0000 false",
                // N1, N2 (once), N5: 3; 3 / 4 = 0.75; 4 x 9.5/31 = 1.2258; 3 / (38/31) = 93/38 = 2.44736...
                "rep-a NEW_CUSTOMERS_PER_MONTH", "3 0.7500 0.3065 1.23 2.4474 false",
                // N1, N2, N4, N5: 4; 4 / 10 = 0.4; 10 x 9.5/31 = 3.0645; 4 / (95/31) = 124/95 = 1.30526...
                "east NEW_CUSTOMERS_PER_MONTH", "4 0.4000 0.3065 3.06 1.3053 false",
                // 1,500.00 + 500.50 CNY = 2,000.50; / 10,000 = 0.20005; 10,000 x 9.5/31 = 3,064.516...;
                // 2,000.50 x 31 / 95,000 = 0.65279...
                "rep-b REVENUE_PER_MONTH", "2000.5 0.2001 0.3065 3064.52 0.6528 true"));
    }

    @Test
    void shouldRankATeamsRepsByAttainmentTiesByRepId() {
        // east's weekly follow-up goals: rep-a 0.6, rep-b 0.4 and rep-e 0.4 (tie: rep-b first), rep-c 0; rep-d is west's
        List<GoalAttainments.Place> board = attainments(NOON).leaderboard("east", Metric.FOLLOW_UPS_PER_WEEK,
                LocalDate.of(2026, 12, 10));

        assertThat(board).extracting(place -> place.rank() + " " + place.attainment().repId())
                .containsExactly("1 rep-a", "2 rep-b", "3 rep-e", "4 rep-c");
    }

    @Test
    void shouldShowNoPaceBeforeThePeriodStarts() {
        // next week's goal seen now: nothing of its period has elapsed, so no pace and not behind
        List<Attainment> next = attainments(NOON).forCaller(LocalDate.of(2026, 12, 14), "rep-a", null, "follow_ups_per_week");

        assertThat(next).singleElement().satisfies(row -> {
            assertThat(row.elapsed()).isEqualByComparingTo("0");
            assertThat(row.pace()).isNull();
            assertThat(row.behindPace()).isFalse();
        });
    }

    @Test
    @Order(1)
    void shouldNudgeEachRepBehindPaceOnceADayFromTheConfiguredHour() {
        // given the nudge hour 16 and, at 16:05, the week 3 days 16h05m old: share 88.0833 / 168 = 0.5243;
        // December 232.0833 / 744 = 0.311940; behind: rep-b (4 < 10 x 0.5243 = 5.24 and 2,000.50 < 10,000 x 0.311940
        // = 3,119.40), rep-c (0),
        // rep-e (2 < 2.62); on pace: rep-a (12 >= 10.49; 3 >= 1.25), rep-d (5 >= 0.52)
        Instant before = Instant.parse("2026-12-10T07:55:00Z");
        Instant after = Instant.parse("2026-12-10T08:05:00Z");

        // when the check runs at 15:55, then at 16:05, then again in a restarted instance
        nudges(before).nudgeIfDue();
        assertThat(db.fetchCount(DSL.table("webhook_delivery"))).isZero();
        nudges(after).nudgeIfDue();
        int again = nudges(after).nudgeToday();

        // then each rep behind pace got one message, listing the goals they are behind on
        assertThat(again).isZero();
        List<String> titles = db.fetch("select title from webhook_delivery where event = 'GOAL' order by title")
                .getValues(0, String.class);
        assertThat(titles).containsExactly("目标进度落后 Behind pace: rep-b (2)", "目标进度落后 Behind pace: rep-c (1)",
                "目标进度落后 Behind pace: rep-e (1)");
        String repB = db.fetchValue("select body_text from webhook_delivery where title like '%rep-b%'").toString();
        // 4 / (10 x 0.524306) = 0.7629; 10 x 0.524306 = 5.24; 2,000.50 / 3,119.40 = 0.6413
        assertThat(repB).isEqualTo("- 每周跟进次数 Follow-ups per week: 4 / 10 · 应达 expected 5.24 · 进度 pace 76.29%\n"
                + "- 每月成交金额 Revenue per month: 2000.5 / 10000 CNY · 应达 expected 3119.4 · 进度 pace 64.13%");
        assertThat(db.fetch("select rep_id, goals from goal_nudge where nudge_day = date '2026-12-10' order by rep_id")
                .map(r -> r.get(0) + " " + r.get(1))).containsExactly("rep-b 2", "rep-c 1", "rep-e 1");
    }

    /** After the Thursday nudge (which expects an empty outbox), on the next day. */
    @Test
    @Order(2)
    void shouldNudgeOnceWhenTwoInstancesCheckAtTheSameMoment() throws Exception {
        // given the next day, Friday 2026-12-11 16:05: the week 4 days 16h05m old, share 112.0833 / 168 = 0.6672;
        // behind: rep-b (4 < 6.67), rep-c (0), rep-e (2 < 3.34); rep-a (12 >= 13.34) is now behind too
        Instant friday = Instant.parse("2026-12-11T08:05:00Z");
        GoalNudges one = nudges(friday);
        GoalNudges other = nudges(friday);
        CountDownLatch go = new CountDownLatch(1);
        int queuedBefore = goalMessages();

        // when two instances check at once
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<Integer> first = pool.submit(() -> {
                go.await();
                return one.nudgeToday();
            });
            Future<Integer> second = pool.submit(() -> {
                go.await();
                return other.nudgeToday();
            });
            go.countDown();

            // then the four reps were nudged once between them
            assertThat(first.get(60, TimeUnit.SECONDS) + second.get(60, TimeUnit.SECONDS)).isEqualTo(4);
        }
        assertThat(db.fetch("select rep_id from goal_nudge where nudge_day = date '2026-12-11' order by rep_id")
                .map(r -> r.get(0))).containsExactly("rep-a", "rep-b", "rep-c", "rep-e");
        assertThat(goalMessages() - queuedBefore).as("messages queued on Friday").isEqualTo(4);
    }

    private static int goalMessages() {
        return db.fetchCount(DSL.table("webhook_delivery"), DSL.field("event").eq("GOAL"));
    }

    private static GoalAttainments attainments(Instant now) {
        return new GoalAttainments(new Goals(db), new GoalActuals(db), new ReportProperties(SHANGHAI),
                Clock.fixed(now, SHANGHAI));
    }

    private static GoalNudges nudges(Instant now) {
        AlertProperties alerts = new AlertProperties(List.of("wecom=http://127.0.0.1:9/robot"), null, null, null, null,
                null, null, null, null);
        GoalAttainments attainments = attainments(now);
        return new GoalNudges(db, new Goals(db), attainments, AlertParts.outbox(db, alerts), AlertParts.names(alerts),
                new GoalProperties(16), Clock.fixed(now, SHANGHAI));
    }

    private static String key(Attainment row) {
        return (row.scope() == Goal.Scope.REP ? row.repId() : row.teamId()) + " " + row.metric();
    }

    private static String figures(Attainment row) {
        return row.actual().stripTrailingZeros().toPlainString() + " " + row.attainment() + " " + row.elapsed() + " "
                + row.expected() + " " + row.pace() + " " + row.behindPace();
    }

    private static void activity(String rep, String team, LocalDate monday, long followUps) {
        db.execute("""
                insert into rep_activity (row_key, scope, rep_id, team_id, granularity, bucket, period_start, period_end,
                    follow_ups, customers, ch_phone, ch_wechat, ch_email, ch_meeting, ch_visit, ch_other)
                values (?, 'REP', ?, ?, 'WEEK', ?, ?, ?, ?, 1, ?, 0, 0, 0, 0, 0)""",
                "REP|" + rep + "|" + team + "|WEEK|" + monday, rep, team, monday.toString(), monday, monday.plusDays(6),
                followUps, followUps);
    }

    private static void followUp(String customer, String rep, String at) {
        db.execute("""
                insert into followup (event_id, customer_id, customer_name, rep_id, team_id, occurred_at, channel, content,
                    stage) values (?, ?, ?, ?, 'east', ?::timestamptz, 'PHONE', '电话沟通', 'LEAD')""",
                UUID.randomUUID(), customer, customer, rep, OffsetDateTime.parse(at));
    }

    private static void sale(String order, String rep, String amount, String currency, String at) {
        db.execute("""
                insert into sale (event_id, order_id, customer_id, rep_id, team_id, product, amount, currency, occurred_at)
                values (?, ?, 'N1', ?, 'east', '年费', ?, ?, ?::timestamptz)""",
                UUID.randomUUID(), order, rep, new BigDecimal(amount), currency, OffsetDateTime.parse(at));
    }

    private static void goal(Goal.Scope scope, String rep, String team, Metric metric, LocalDate start, String target,
                             String currency) {
        assertThat(new Goals(db).insert(new Goal(UUID.randomUUID(), scope, rep, team, metric, start,
                new BigDecimal(target).setScale(2), currency, "admin", OffsetDateTime.parse("2026-12-01T09:00:00+08:00"))))
                .isTrue();
    }
}
