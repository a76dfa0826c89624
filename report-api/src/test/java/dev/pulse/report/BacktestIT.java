package dev.pulse.report;

import static dev.pulse.report.RunningReport.authorized;
import static dev.pulse.report.RunningReport.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.testsupport.TestPostgres;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Backtest a rule before switching it on (issue "Alerts that reach the right person"), against a
 * real PostgreSQL holding a hand-built follow-up history. Every expected figure is worked out by
 * hand below from the definitions of DESIGN.md 3 and 5, never read back from the code.
 *
 * <p>Times are 10:00 in Asia/Shanghai (02:00Z). The rules replayed: {@code stale=LEAD:P10D,QUOTE:P3D}
 * (QUALIFIED never goes stale), {@code ladder=LEAD:P2D/P5D,QUOTE:/P4D}, overdue on. The range is
 * 2026-09-07..2026-10-04: ISO weeks W37 (09-07..13), W38 (09-14..20), W39 (09-21..27), W40 (09-28..10-04).
 *
 * <pre>
 * c1 east  08-30 LEAD                 STALE 09-09 (W37), ESCALATED 09-11 (W37), RELEASED 09-16 (W38)
 *          09-22 QUALIFIED by rep-w (west)     claims it: a claim of west in W39; nothing further
 * c2 east  09-08 LEAD, 09-17 LEAD     9 days: not stale, the ladder starts again
 *          09-30 LEAD                 before it: STALE 09-27 (W39), ESCALATED 09-29 (W40); resolved
 *                                     by 09-30, whose STALE (10-10) lies after the range
 * c3 west  09-09 QUOTE, next 09-10    OVERDUE 09-10 (W37), STALE 09-12 (W37), no manager step:
 *                                     RELEASED 09-16 (W38); never claimed
 * c4 west  09-14 QUOTE, 09-17 WON     the silence equals the threshold: not stale; WON is terminal
 * c5 east  09-08 QUALIFIED, 09-20 LOST   no threshold, then terminal: nothing
 * c6 east  07-01 QUALIFIED, next 09-15   long before the range, but its planned follow-up is in it:
 *                                     OVERDUE 09-15 (W38)
 * c7 east  07-01 LEAD, next 09-15     STALE 07-11, ESCALATED 07-13, RELEASED 07-18 (before the range);
 *                                     the release drops the OVERDUE still due: nothing in the range
 * c8 east  07-01 QUALIFIED next 09-20, 07-05 QUALIFIED   the later follow-up drops the planned one: nothing
 * </pre>
 *
 * Per week, all teams (alerts, escalations, releases, claims, overdue): W37 2 1 0 0 1 (c1, c3; c1; -;
 * -; c3), W38 0 0 2 0 1 (c1 c3; c6), W39 1 0 0 1 0 (c2; c1's claim), W40 0 1 0 0 0 (c2). Per team: east
 * 2 2 1 0 1, west 1 0 1 1 1.
 */
class BacktestIT {

    private static final String RULES = "stale=" + encode("LEAD:P10D,QUOTE:P3D") + "&ladder="
            + encode("LEAD:P2D/P5D,QUOTE:/P4D") + "&from=2026-09-07&to=2026-10-04";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @RegisterExtension
    static final ReportStack stack = new ReportStack("backtest-it", "backtest", "pulse.backtest.ladder=LEAD:P3D/P7D");

    @BeforeAll
    static void seed() {
        followUp("c1", "rep-e", "east", "08-30", "LEAD", null);
        followUp("c1", "rep-w", "west", "09-22", "QUALIFIED", null);
        followUp("c2", "rep-e", "east", "09-08", "LEAD", null);
        followUp("c2", "rep-e", "east", "09-17", "LEAD", null);
        followUp("c2", "rep-e", "east", "09-30", "LEAD", null);
        followUp("c3", "rep-w", "west", "09-09", "QUOTE", "09-10");
        followUp("c4", "rep-w", "west", "09-14", "QUOTE", null);
        followUp("c4", "rep-w", "west", "09-17", "WON", null);
        followUp("c5", "rep-e", "east", "09-08", "QUALIFIED", null);
        followUp("c5", "rep-e", "east", "09-20", "LOST", null);
        followUp("c6", "rep-e", "east", "07-01", "QUALIFIED", "09-15");
        followUp("c7", "rep-e", "east", "07-01", "LEAD", "09-15");
        followUp("c8", "rep-e", "east", "07-01", "QUALIFIED", "09-20");
        followUp("c8", "rep-e", "east", "07-05", "QUALIFIED", null);
    }

    @Test
    void shouldCountWhatTheProposedRulesWouldHaveProducedPerWeekAndTeam() {
        JsonNode answer = stack.report().getJson("/api/v1/alerts/backtest?" + RULES);

        assertThat(weeks(answer)).containsExactly(
                "2026-W37 2026-09-07 2 1 0 0 1", "2026-W38 2026-09-14 0 0 2 0 1",
                "2026-W39 2026-09-21 1 0 0 1 0", "2026-W40 2026-09-28 0 1 0 0 0");
        assertThat(teams(answer)).containsExactly("east 2 2 1 0 1", "west 1 0 1 1 1");
        assertThat(counts(answer.get("total"))).isEqualTo("3 2 2 1 2");
        assertThat(rows(answer)).containsExactly(
                "2026-W37 east 1 1 0 0 0", "2026-W37 west 1 0 0 0 1",
                "2026-W38 east 0 0 1 0 1", "2026-W38 west 0 0 1 0 0",
                "2026-W39 east 1 0 0 0 0", "2026-W39 west 0 0 0 1 0",
                "2026-W40 east 0 1 0 0 0");
        JsonNode rules = answer.get("rules");
        assertThat(rules.get("stale").propertyNames()).containsExactly("LEAD", "QUOTE");
        assertThat(rules.get("stale").get("LEAD").asString()).isEqualTo("P10D");
        assertThat(rules.get("ladder").get("LEAD").get("managerAfter").asString()).isEqualTo("P2D");
        assertThat(rules.get("ladder").get("QUOTE").get("managerAfter").isNull()).isTrue();
        assertThat(rules.get("ladder").get("QUOTE").get("releaseAfter").asString()).isEqualTo("P4D");
    }

    @Test
    void shouldKeepAnOverdueAlertThatNoReleaseDropsWhenNothingClimbs() {
        // no ladder: c1 stays STALE until its 09-22 follow-up (no release, so no claim); c7's OVERDUE
        // of 09-15 is no longer dropped by a release: W38 has c6's and c7's
        JsonNode answer = stack.report().getJson("/api/v1/alerts/backtest?" + RULES.replace(
                "ladder=" + encode("LEAD:P2D/P5D,QUOTE:/P4D"), "ladder="));

        assertThat(weeks(answer)).containsExactly(
                "2026-W37 2026-09-07 2 0 0 0 1", "2026-W38 2026-09-14 0 0 0 0 2",
                "2026-W39 2026-09-21 1 0 0 0 0", "2026-W40 2026-09-28 0 0 0 0 0");
    }

    @Test
    void shouldLeaveOverdueAlertsOutWhenAskedAndTakeTheRulesInForceWhenNoneAreProposed() {
        JsonNode withoutOverdue = stack.report().getJson("/api/v1/alerts/backtest?" + RULES + "&overdue=false");
        assertThat(counts(withoutOverdue.get("total"))).isEqualTo("3 2 2 1 0");

        // in force: LEAD 14 d, QUALIFIED and PROPOSAL 7 d, QUOTE and CONTRACT 3 d, ladder LEAD:P3D/P7D (set
        // for this test). c1: STALE 09-13 (W37), ESCALATED 09-16 (W38), RELEASED 09-23 after its 09-22
        // follow-up: resolved instead; that QUALIFIED follow-up (west) is STALE on 09-29 (W40).
        // c2: 13 days to 09-30, under 14: nothing. c3: OVERDUE 09-10, STALE 09-12 (W37; QUOTE does not climb).
        // c5: QUALIFIED 09-08 is STALE on 09-15 (W38) before its LOST of 09-20. c6: OVERDUE 09-15 (W38).
        // c7: STALE 07-15, ESCALATED 07-18, RELEASED 07-25: its OVERDUE dropped. c8: nothing in the range.
        JsonNode inForce = stack.report().getJson("/api/v1/alerts/backtest?from=2026-09-07&to=2026-10-04");
        assertThat(weeks(inForce)).containsExactly(
                "2026-W37 2026-09-07 2 0 0 0 1", "2026-W38 2026-09-14 1 1 0 0 1",
                "2026-W39 2026-09-21 0 0 0 0 0", "2026-W40 2026-09-28 1 0 0 0 0");
        JsonNode rules = stack.report().getJson("/api/v1/alerts/backtest/rules");
        assertThat(rules.get("stale").get("LEAD").asString()).isEqualTo("P14D");
        assertThat(rules.get("stale").get("QUALIFIED").asString()).isEqualTo("P7D");
        assertThat(rules.get("ladder").get("LEAD").get("managerAfter").asString()).isEqualTo("P3D");
        assertThat(rules.get("ladder").get("LEAD").get("releaseAfter").asString()).isEqualTo("P7D");
        assertThat(rules.get("overdue").asBoolean()).isTrue();
    }

    @Test
    void shouldCountOnlyTheManagersTeamsAndRefuseARep() {
        String manager = token("{\"role\":\"MANAGER\",\"teamId\":\"west\"}");
        HttpResponse<String> west = get("/api/v1/alerts/backtest?" + RULES, manager, "en");
        assertThat(west.statusCode()).as(west.body()).isEqualTo(200);
        // c1's claim by rep-w counts for west, its alerts for east (the team when they opened)
        assertThat(weeks(json(west))).containsExactly(
                "2026-W37 2026-09-07 1 0 0 0 1", "2026-W38 2026-09-14 0 0 1 0 0",
                "2026-W39 2026-09-21 0 0 0 1 0", "2026-W40 2026-09-28 0 0 0 0 0");
        assertThat(teams(json(west))).containsExactly("west 1 0 1 1 1");
        assertThat(get("/api/v1/alerts/backtest?" + RULES + "&teamId=east", manager, "en").statusCode()).isEqualTo(403);

        String rep = token("{\"role\":\"REP\",\"repId\":\"rep-e\"}");
        HttpResponse<String> refused = get("/api/v1/alerts/backtest?" + RULES, rep, "zh-CN");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).get("detail").asString()).contains("只有经理或管理员可以回测告警规则");
        assertThat(get("/api/v1/alerts/backtest/rules", rep, "en").statusCode()).isEqualTo(403);
    }

    @Test
    void shouldAnswerTheAdminForOneTeamAndDefaultToTheLastTwelveWeeks() {
        JsonNode east = stack.report().getJson("/api/v1/alerts/backtest?" + RULES + "&teamId=east");
        assertThat(teams(east)).containsExactly("east 2 2 1 0 1");
        assertThat(stack.report().getJson("/api/v1/alerts/backtest").get("weeks")).hasSize(12);
    }

    @Test
    void shouldRefuseAProposalThatIsNotARuleInTheCallersLanguage() {
        HttpResponse<String> unknownStage = stack.report().get("/api/v1/alerts/backtest?stale=" + encode("WON:P1D"), true, "zh-CN");
        assertThat(unknownStage.statusCode()).isEqualTo(400);
        assertThat(json(unknownStage).get("detail").asString()).contains("stale").contains("只能是以下之一");
        HttpResponse<String> tooShort = stack.report().get("/api/v1/alerts/backtest?ladder=" + encode("LEAD:PT10M/P1D"), true, "en");
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(json(tooShort).get("detail").asString()).contains("ladder").contains("PT1H").contains("P365D");
        HttpResponse<String> tooLong = stack.report().get("/api/v1/alerts/backtest?from=2023-01-01&to=2026-01-01", true, "en");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(json(tooLong).get("detail").asString()).contains("731 days");
    }

    /** One follow-up straight into the fact table, at 10:00 Asia/Shanghai of a day of 2026. */
    private static void followUp(String customer, String rep, String team, String day, String stage, String nextDay) {
        TestPostgres.execute(stack.jdbcUrl(), """
                insert into followup (event_id, customer_id, customer_name, rep_id, team_id, occurred_at, channel, content,
                    stage, next_follow_up_at)
                values (gen_random_uuid(), ?, ?, ?, ?, ?::timestamptz, 'PHONE', '电话沟通', ?, ?::timestamptz)""",
                customer, "客户 " + customer, rep, team, "2026-" + day + "T02:00:00Z", stage,
                nextDay == null ? null : "2026-" + nextDay + "T02:00:00Z");
    }

    private static List<String> weeks(JsonNode answer) {
        List<String> weeks = new ArrayList<>();
        answer.get("weeks").forEach(w -> weeks.add(w.get("week").asString() + " " + w.get("weekStart").asString() + " " + counts(w)));
        return weeks;
    }

    private static List<String> teams(JsonNode answer) {
        List<String> teams = new ArrayList<>();
        answer.get("teams").forEach(t -> teams.add(t.get("teamId").asString() + " " + counts(t)));
        return teams;
    }

    private static List<String> rows(JsonNode answer) {
        List<String> rows = new ArrayList<>();
        answer.get("rows").forEach(r -> rows.add(r.get("week").asString() + " " + r.get("teamId").asString() + " " + counts(r)));
        return rows;
    }

    private static String counts(JsonNode row) {
        return row.get("alerts").asLong() + " " + row.get("escalations").asLong() + " " + row.get("releases").asLong()
                + " " + row.get("claims").asLong() + " " + row.get("overdue").asLong();
    }

    private static String token(String spec) {
        HttpRequest request = authorized(HttpRequest.newBuilder(stack.report().uri("/api/v1/admin/tokens")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(spec)).build();
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return json(response).get("token").asString();
    }

    private static HttpResponse<String> get(String path, String token, String language) {
        return send(HttpRequest.newBuilder(stack.report().uri(path)).header("Authorization", "Bearer " + token)
                .header("Accept-Language", language).GET().build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
