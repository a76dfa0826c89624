package dev.pulse.report;

import static dev.pulse.report.RunningReport.authorized;
import static dev.pulse.report.RunningReport.contentType;
import static dev.pulse.report.RunningReport.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.testsupport.Refusal;
import dev.pulse.testsupport.TestPostgres;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 6, "bad input", on the read side: every report endpoint's query parameters, the export and
 * the admin API, as the admin token sends them, with SQL and script injection, 10 KB values,
 * control characters, wrong types and unknown enum values, against a real PostgreSQL. A typed
 * parameter that does not parse gets 400 problem+json naming it; free-text filters are bound as
 * data and find nothing; no table's row count moves; the service keeps answering.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileQueriesIT {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String SQL = "'; drop table followup; --";
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String TRAVERSAL = "../../etc/passwd";
    private static final String HUGE = "x".repeat(10 * 1024);
    private static final String CONTROLS = "rep\u0000\u0007\u202E";
    private static final List<String> TABLES = List.of("followup", "sale", "rep_activity", "projector_offset",
            "duplicate_flag", "funnel_cell", "alert", "webhook_delivery", "pulse_team", "pulse_user", "pulse_user_team",
            "api_token", "audit_log", "goal", "goal_nudge");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String RANGE = "from=2026-11-01&to=2026-11-30";
    /** This week's Monday in the reporting zone: goals may start only near today. */
    private static final LocalDate MONDAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).with(DayOfWeek.MONDAY);

    @RegisterExtension
    static final ReportStack stack = new ReportStack("hostile-queries-it", "reports");

    @BeforeAll
    static void seed() {
        // one row in each table a filter could reach, so "nothing changed" is about real rows
        TestPostgres.execute(stack.jdbcUrl(), """
                insert into followup (event_id, customer_id, customer_name, phone, rep_id, team_id, occurred_at, channel,
                    content, stage) values (gen_random_uuid(), 'C-1', '王芳', '13800138000', 'rep-1', 'east',
                    '2026-11-03T02:00:00Z', 'PHONE', '电话沟通', 'LEAD')""");
        TestPostgres.execute(stack.jdbcUrl(), """
                insert into sale (event_id, order_id, customer_id, rep_id, team_id, product, amount, currency, occurred_at)
                values (gen_random_uuid(), 'SO-1', 'C-1', 'rep-1', 'east', '年费', 100.00, 'CNY', '2026-11-03T02:00:00Z')""");
    }

    /** A request and the answer it must get; {@code names} is what the problem's detail must mention. */
    record Query(String method, String path, String body, int status, String names) {

        static Query get(String path, int status, String names) {
            return new Query("GET", path, null, status, names);
        }

        /**
         * Refused before Spring MVC sees it: Tomcat refuses %00, %5C and %2F in a path (its own HTML page)
         * and Spring Security's firewall refuses ';' and '..' segments (Boot's error JSON), so the answer is
         * 400 but not problem+json, and names nothing.
         */
        static Query refusedBeforeMvc(String method, String path, String body) {
            return new Query(method, path, body, 400, null);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    @Order(1)
    void shouldRefuseWith400NamingTheParameterAndChangeNothing(Query query) {
        // given
        Map<String, Long> before = rowCounts();

        // when
        HttpResponse<String> response = send(query);

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(query.status());
        if (query.names() != null) {
            assertThat(contentType(response)).startsWith(PROBLEM_JSON);
            JsonNode problem = json(response);
            assertThat(problem.get("status").asInt()).isEqualTo(query.status());
            assertThat(problem.get("detail").asString()).contains(query.names());
        } else {
            assertThat(response.body()).doesNotContain("<script>").doesNotContain("drop table");
        }
        assertThat(rowCounts()).isEqualTo(before);
    }

    static Stream<Arguments> refused() {
        List<Arguments> cases = new ArrayList<>();
        List<String> datedReports = List.of("/api/v1/reports/rep-activity", "/api/v1/reports/team-activity",
                "/api/v1/reports/summary", "/api/v1/reports/funnel", "/api/v1/reports/stage-transitions",
                "/api/v1/reports/time-in-stage", "/api/v1/reports/rep-conversion", "/api/v1/exports/stage-conversion",
                "/api/v1/reports/lost-reasons", "/api/v1/reports/lost-reasons/customers", "/api/v1/exports/lost-reasons",
                "/api/v1/reports/cycle-length", "/api/v1/reports/velocity", "/api/v1/reports/forecast",
                "/api/v1/exports/rep-activity", "/api/v1/exports/team-activity", "/api/v1/exports/forecast",
                "/api/v1/exports/cycle-length", "/api/v1/drill/follow-ups", "/api/v1/drill/sales",
                "/api/v1/exports/drill/follow-ups", "/api/v1/exports/drill/sales", "/api/v1/drill/reps",
                "/api/v1/drill/teams", "/api/v1/drill/touches", "/api/v1/exports/drill/touches",
                "/api/v1/exports/lost-reasons/customers", "/api/v1/drill/new-customers", "/api/v1/drill/stage-transitions",
                "/api/v1/exports/drill/stage-transitions", "/api/v1/drill/time-in-stage", "/api/v1/exports/drill/time-in-stage",
                "/api/v1/drill/won-sales", "/api/v1/exports/drill/won-sales", "/api/v1/drill/cohort-sales",
                "/api/v1/exports/drill/cohort-sales");
        for (String path : datedReports) {
            for (String bad : List.of("yesterday", SQL, SCRIPT, HUGE.substring(0, 2000), "2026-02-30", "2026-11-01%00")) {
                add(cases, path + " from=" + abbreviate(bad), Query.get(path + "?from=" + encode(bad) + "&to=2026-11-30", 400, "from"));
            }
            add(cases, path + " to=" + SQL, Query.get(path + "?from=2026-11-01&to=" + encode(SQL), 400, "to"));
            add(cases, path + " without from", Query.get(path + "?to=2026-11-30", 400, "from"));
            add(cases, path + " from after to", Query.get(path + "?from=2026-12-01&to=2026-11-01", 400, "from"));
            add(cases, path + " a range of 30 years", Query.get(path + "?from=1990-01-01&to=2020-01-01", 400, "days"));
        }
        for (String path : List.of("/api/v1/reports/rep-activity", "/api/v1/reports/team-activity")) {
            for (String bad : List.of("hour", SQL, SCRIPT, TRAVERSAL)) {
                add(cases, path + " granularity=" + bad, Query.get(path + "?" + RANGE + "&granularity=" + encode(bad), 400,
                        "granularity"));
            }
        }
        String export = "/api/v1/exports/stage-conversion?" + RANGE;
        for (String bad : List.of(TRAVERSAL, "../x", "csv/../../x", SQL, SCRIPT, "pdf", "csv%00.exe")) {
            add(cases, "export groupBy=" + bad, Query.get(export + "&groupBy=" + encode(bad), 400, "groupBy"));
            add(cases, "export format=" + bad, Query.get(export + "&format=" + encode(bad), 400, "format"));
        }
        for (String path : List.of("/api/v1/reports/lost-reasons", "/api/v1/reports/lost-reasons/customers",
                "/api/v1/exports/lost-reasons")) {
            for (String bad : List.of("colour", SQL, SCRIPT, TRAVERSAL)) {
                add(cases, path + " groupBy=" + abbreviate(bad), Query.get(path + "?" + RANGE + "&groupBy=" + encode(bad), 400,
                        "groupBy"));
            }
            for (String bad : List.of("abc", "0", "51", "-1", "999999999999", SQL)) {
                add(cases, path + " top=" + abbreviate(bad), Query.get(path + "?" + RANGE + "&top=" + encode(bad), 400, "top"));
            }
        }
        for (String bad : List.of("colour", SQL, SCRIPT, TRAVERSAL)) {
            add(cases, "cycle-length groupBy=" + abbreviate(bad), Query.get("/api/v1/reports/cycle-length?" + RANGE
                    + "&groupBy=" + encode(bad), 400, "groupBy"));
            add(cases, "cycle customers outcome=" + abbreviate(bad), Query.get("/api/v1/reports/cycle-length/customers?"
                    + RANGE + "&outcome=" + encode(bad), 400, "outcome"));
        }
        for (String bad : List.of("0", "121", "-3", "abc", SQL)) {
            add(cases, "forecast months=" + abbreviate(bad), Query.get("/api/v1/reports/forecast?" + RANGE + "&months="
                    + encode(bad), 400, "months"));
            add(cases, "stage probabilities months=" + abbreviate(bad),
                    Query.get("/api/v1/reports/forecast/stage-probabilities?months=" + encode(bad), 400, "months"));
        }
        for (String bad : List.of("yesterday", SQL, "2026-02-30")) {
            add(cases, "forecast asOf=" + abbreviate(bad), Query.get("/api/v1/reports/forecast?" + RANGE + "&asOf="
                    + encode(bad), 400, "asOf"));
            add(cases, "forecast customers month=" + abbreviate(bad),
                    Query.get("/api/v1/reports/forecast/customers?" + RANGE + "&month=" + encode(bad), 400, "month"));
        }
        for (String bad : List.of("yesterday", SQL, SCRIPT, "2026-13")) {
            add(cases, "forecast history month=" + abbreviate(bad),
                    Query.get("/api/v1/reports/forecast/history?month=" + encode(bad), 400, "month"));
        }
        add(cases, "forecast snapshot day=" + SQL, new Query("POST", "/api/v1/admin/forecast-snapshots?day=" + encode(SQL),
                null, 400, "day"));
        for (String bad : List.of("colour", SQL, SCRIPT)) {
            add(cases, "forecast groupBy=" + abbreviate(bad), Query.get("/api/v1/reports/forecast?" + RANGE + "&groupBy="
                    + encode(bad), 400, "groupBy"));
        }
        add(cases, "cycle customers without outcome", Query.get("/api/v1/reports/cycle-length/customers?" + RANGE, 400,
                "outcome"));
        // a cycle bar's days, in the list and its export
        for (String bad : List.of("-1", "abc", SQL)) {
            for (String bound : List.of("fromDays", "toDays")) {
                add(cases, "cycle customers " + bound + "=" + abbreviate(bad), Query.get("/api/v1/reports/cycle-length/customers?"
                        + RANGE + "&outcome=won&" + bound + "=" + encode(bad), 400, bound));
                add(cases, "cycle customers export " + bound + "=" + abbreviate(bad), Query.get(
                        "/api/v1/exports/cycle-length/customers?" + RANGE + "&outcome=lost&" + bound + "=" + encode(bad), 400,
                        bound));
            }
        }
        // every report's export and the lists behind the figures: the format, the list's own parameters
        for (String path : List.of("/api/v1/exports/rep-activity?" + RANGE, "/api/v1/exports/team-activity?" + RANGE,
                "/api/v1/exports/stale-customers?", "/api/v1/exports/forecast?" + RANGE,
                "/api/v1/exports/cycle-length?" + RANGE, "/api/v1/exports/drill/follow-ups?" + RANGE,
                "/api/v1/exports/drill/sales?" + RANGE, "/api/v1/exports/drill/funnel?measure=all&" + RANGE,
                "/api/v1/exports/drill/reps?" + RANGE, "/api/v1/exports/drill/teams?" + RANGE,
                "/api/v1/exports/drill/touches?" + RANGE, "/api/v1/exports/lost-reasons/customers?" + RANGE,
                "/api/v1/exports/cycle-length/customers?outcome=won&" + RANGE,
                "/api/v1/exports/forecast/customers?month=2026-11&" + RANGE,
                "/api/v1/exports/drill/stage-transitions?fromStage=LEAD&toStage=LOST&" + RANGE,
                "/api/v1/exports/drill/time-in-stage?stage=LEAD&" + RANGE, "/api/v1/exports/drill/won-sales?" + RANGE,
                "/api/v1/exports/drill/cohort-sales?" + RANGE,
                "/api/v1/exports/forecast/stage-probabilities/customers?stage=QUOTE")) {
            for (String bad : List.of(TRAVERSAL, "pdf", "csv%00.exe", SCRIPT)) {
                add(cases, path + " format=" + abbreviate(bad), Query.get(path + "&format=" + encode(bad), 400, "format"));
            }
        }
        for (String path : List.of("/api/v1/drill/follow-ups?" + RANGE, "/api/v1/drill/sales?" + RANGE,
                "/api/v1/drill/funnel?measure=all&" + RANGE, "/api/v1/drill/reps?" + RANGE, "/api/v1/drill/teams?" + RANGE,
                "/api/v1/drill/touches?" + RANGE, "/api/v1/drill/new-customers?" + RANGE,
                "/api/v1/drill/stage-transitions?fromStage=LEAD&toStage=LOST&" + RANGE,
                "/api/v1/drill/time-in-stage?stage=LEAD&" + RANGE, "/api/v1/drill/won-sales?" + RANGE,
                "/api/v1/drill/cohort-sales?" + RANGE)) {
            for (String bad : List.of("abc", "-1", "999999999999", SQL)) {
                add(cases, path + " offset=" + abbreviate(bad), Query.get(path + "&offset=" + encode(bad), 400, "offset"));
                add(cases, path + " limit=" + abbreviate(bad), Query.get(path + "&limit=" + encode(bad), 400, "limit"));
            }
        }
        for (String bad : List.of("colour", SQL, SCRIPT, TRAVERSAL)) {
            add(cases, "drill funnel measure=" + abbreviate(bad), Query.get("/api/v1/drill/funnel?stage=LEAD&" + RANGE
                    + "&measure=" + encode(bad), 400, "measure"));
            add(cases, "drill funnel stage=" + abbreviate(bad), Query.get("/api/v1/drill/funnel?" + RANGE
                    + "&stage=" + encode(bad), 400, "stage"));
            add(cases, "drill follow-ups channel=" + abbreviate(bad), Query.get("/api/v1/drill/follow-ups?" + RANGE
                    + "&channel=" + encode(bad), 400, "channel"));
            // a figure's stages: pipeline stage codes only, also in the export's file name
            add(cases, "drill stage-transitions fromStage=" + abbreviate(bad), Query.get("/api/v1/drill/stage-transitions?"
                    + RANGE + "&toStage=LOST&fromStage=" + encode(bad), 400, "fromStage"));
            add(cases, "drill stage-transitions export toStage=" + abbreviate(bad), Query.get(
                    "/api/v1/exports/drill/stage-transitions?" + RANGE + "&fromStage=LEAD&toStage=" + encode(bad), 400, "toStage"));
            add(cases, "drill time-in-stage stage=" + abbreviate(bad), Query.get("/api/v1/drill/time-in-stage?" + RANGE
                    + "&stage=" + encode(bad), 400, "stage"));
            add(cases, "drill time-in-stage export stage=" + abbreviate(bad), Query.get(
                    "/api/v1/exports/drill/time-in-stage?" + RANGE + "&stage=" + encode(bad), 400, "stage"));
            add(cases, "stage-probability customers stage=" + abbreviate(bad), Query.get(
                    "/api/v1/reports/forecast/stage-probabilities/customers?stage=" + encode(bad), 400, "stage"));
            add(cases, "stage-probability customers count=" + abbreviate(bad), Query.get(
                    "/api/v1/reports/forecast/stage-probabilities/customers?stage=QUOTE&count=" + encode(bad), 400, "count"));
            add(cases, "stage-probability customers export stage=" + abbreviate(bad), Query.get(
                    "/api/v1/exports/forecast/stage-probabilities/customers?stage=" + encode(bad), 400, "stage"));
        }
        for (String bad : List.of(TRAVERSAL, "pdf", "csv%00.exe", SCRIPT)) {
            add(cases, "lost-reasons export format=" + abbreviate(bad),
                    Query.get("/api/v1/exports/lost-reasons?" + RANGE + "&format=" + encode(bad), 400, "format"));
        }
        for (String bad : List.of("abc", "-1", "0", "999999999999", "1e3", SQL)) {
            add(cases, "followups limit=" + bad, Query.get("/api/v1/followups?customerId=C-1&limit=" + encode(bad), 400, "limit"));
            add(cases, "alerts limit=" + bad, Query.get("/api/v1/alerts?limit=" + encode(bad), 400, "limit"));
            add(cases, "audit limit=" + bad, Query.get("/api/v1/admin/audit?limit=" + encode(bad), 400, "limit"));
        }
        add(cases, "followups limit=1001", Query.get("/api/v1/followups?customerId=C-1&limit=1001", 400, "limit"));
        add(cases, "alerts limit=5001", Query.get("/api/v1/alerts?limit=5001", 400, "limit"));
        add(cases, "audit limit=1001", Query.get("/api/v1/admin/audit?limit=1001", 400, "limit"));
        for (String parameter : List.of("repId", "teamId", "source")) {
            add(cases, "funnel " + parameter + " with NUL, BEL", Query.get("/api/v1/reports/funnel?" + RANGE + "&" + parameter
                    + "=" + encode(CONTROLS), 400, parameter));
        }
        add(cases, "followups customerId with NUL", Query.get("/api/v1/followups?customerId=" + encode("C-1\u0000"), 400,
                "customerId"));
        add(cases, "audit before=" + SQL, Query.get("/api/v1/admin/audit?before=" + encode(SQL), 400, "before"));
        add(cases, "followups without customerId or repId", Query.get("/api/v1/followups?" + RANGE, 400, "customerId"));
        add(cases, "followups from without to", Query.get("/api/v1/followups?customerId=C-1&from=2026-11-01", 400, "both"));
        for (String bad : List.of("SOMETIMES", SQL, SCRIPT)) {
            add(cases, "stale kind=" + abbreviate(bad), Query.get("/api/v1/reports/stale-customers?kind=" + encode(bad), 400, "kind"));
            add(cases, "alerts status=" + abbreviate(bad), Query.get("/api/v1/alerts?status=" + encode(bad), 400, "status"));
            add(cases, "duplicates type=" + abbreviate(bad), Query.get("/api/v1/reports/duplicates?type=" + encode(bad), 400, "type"));
            add(cases, "duplicates status=" + abbreviate(bad), Query.get("/api/v1/reports/duplicates?status=" + encode(bad), 400, "status"));
            add(cases, "duplicates export status=" + abbreviate(bad),
                    Query.get("/api/v1/exports/duplicates?status=" + encode(bad), 400, "status"));
            add(cases, "pool withoutTeam=" + abbreviate(bad), Query.get("/api/v1/reports/pool?withoutTeam=" + encode(bad), 400,
                    "withoutTeam"));
        }
        // the no-team bar's list and a team's are two lists: asking for both is refused, naming both
        add(cases, "pool teamId and withoutTeam", Query.get("/api/v1/reports/pool?teamId=team-a&withoutTeam=true", 400,
                "withoutTeam"));
        add(cases, "pool export teamId and withoutTeam",
                Query.get("/api/v1/exports/pool?teamId=team-a&withoutTeam=true", 400, "teamId"));
        for (String bad : List.of("yesterday", "this-quarter", SQL, SCRIPT, TRAVERSAL, HUGE.substring(0, 2000))) {
            add(cases, "date-range range=" + abbreviate(bad), Query.get("/api/v1/date-range?range=" + encode(bad), 400, "range"));
        }
        add(cases, "date-range without range", Query.get("/api/v1/date-range", 400, "range"));
        add(cases, "date-range range with NUL, BEL", Query.get("/api/v1/date-range?range=" + encode(CONTROLS), 400, "range"));
        add(cases, "summary repId with NUL, BEL", Query.get("/api/v1/reports/summary?" + RANGE + "&repId=" + encode(CONTROLS),
                400, "repId"));
        add(cases, "pool teamId with NUL, BEL", Query.get("/api/v1/reports/pool?teamId=" + encode(CONTROLS), 400, "teamId"));
        // the filter bar's parameters on the lists it now narrows
        for (String parameter : List.of("repId", "source")) {
            add(cases, "pool " + parameter + " with NUL, BEL", Query.get("/api/v1/reports/pool?" + parameter + "="
                    + encode(CONTROLS), 400, parameter));
            add(cases, "pool export " + parameter + " with NUL, BEL", Query.get("/api/v1/exports/pool?" + parameter + "="
                    + encode(CONTROLS), 400, parameter));
        }
        add(cases, "stale source with NUL, BEL", Query.get("/api/v1/reports/stale-customers?source=" + encode(CONTROLS), 400,
                "source"));
        add(cases, "stale export source with NUL, BEL", Query.get("/api/v1/exports/stale-customers?source="
                + encode(CONTROLS), 400, "source"));
        for (String parameter : List.of("repId", "teamId", "source")) {
            add(cases, "duplicates " + parameter + " with NUL, BEL", Query.get("/api/v1/reports/duplicates?" + parameter + "="
                    + encode(CONTROLS), 400, parameter));
            add(cases, "duplicate counts " + parameter + " with NUL, BEL", Query.get("/api/v1/reports/duplicates/counts?"
                    + parameter + "=" + encode(CONTROLS), 400, parameter));
        }
        for (String bad : List.of(TRAVERSAL, "csv/../../x", SQL, SCRIPT, "pdf", "csv%00.exe")) {
            add(cases, "pool export format=" + abbreviate(bad), Query.get("/api/v1/exports/pool?format=" + encode(bad), 400, "format"));
        }
        add(cases, "pool export teamId with NUL, BEL", Query.get("/api/v1/exports/pool?teamId=" + encode(CONTROLS), 400, "teamId"));
        add(cases, "reminder with both repId and teamId", Query.get("/api/v1/alerts/reminder?repId=a&teamId=b", 400, "repId"));
        add(cases, "reminder without repId or teamId", Query.get("/api/v1/alerts/reminder", 400, "repId"));
        for (String bad : List.of("tomorrow", SQL, SCRIPT, "2026-02-30")) {
            add(cases, "reminder date=" + abbreviate(bad), Query.get("/api/v1/alerts/reminder?repId=a&date=" + encode(bad), 400, "date"));
        }
        String backtest = "/api/v1/alerts/backtest?from=2026-11-01&to=2026-11-30";
        for (String bad : List.of("LEAD", "LEAD:forever", "GOD:P1D", "WON:P1D", "LEAD:PT1M", "LEAD:P400D", "LEAD:P1D,LEAD:P2D",
                "LEAD:-P1D", SQL, SCRIPT, TRAVERSAL, HUGE.substring(0, 6_000))) {
            add(cases, "backtest stale=" + abbreviate(bad), Query.get(backtest + "&stale=" + encode(bad), 400, "stale"));
        }
        for (String bad : List.of("LEAD:P1D", "LEAD:/", "LEAD:x/P1D", "LOST:P1D/P2D", "LEAD:P1D/PT5M", "QUOTE:/P999D",
                "LEAD:P1D/P2D,LEAD:/P3D", SQL, SCRIPT, HUGE.substring(0, 6_000))) {
            add(cases, "backtest ladder=" + abbreviate(bad), Query.get(backtest + "&ladder=" + encode(bad), 400, "ladder"));
        }
        for (String bad : List.of("maybe", SQL)) {
            add(cases, "backtest overdue=" + abbreviate(bad), Query.get(backtest + "&overdue=" + encode(bad), 400, "overdue"));
        }
        for (String bad : List.of("yesterday", SQL, "2026-02-30")) {
            add(cases, "backtest from=" + abbreviate(bad), Query.get("/api/v1/alerts/backtest?from=" + encode(bad), 400, "from"));
        }
        add(cases, "backtest from after to", Query.get("/api/v1/alerts/backtest?from=2026-12-01&to=2026-11-01", 400, "from"));
        add(cases, "backtest a range of 3 years", Query.get("/api/v1/alerts/backtest?from=2023-01-01&to=2026-01-01", 400, "days"));
        add(cases, "backtest teamId with NUL, BEL", Query.get(backtest + "&teamId=" + encode(CONTROLS), 400, "teamId"));
        add(cases, "digest with both repId and teamId", Query.get("/api/v1/alerts/digest?repId=a&teamId=b", 400, "repId"));
        add(cases, "dismiss flag ..%2Fx", Query.refusedBeforeMvc("POST", "/api/v1/reports/duplicates/.." + "%2Fx/dismiss",
                "{\"reason\":\"x\"}"));
        add(cases, "dismiss flag " + SQL, Query.refusedBeforeMvc("POST", "/api/v1/reports/duplicates/" + encode(SQL) + "/dismiss",
                "{\"reason\":\"x\"}"));
        add(cases, "dismiss flag <img src=x onerror=alert(1)>", new Query("POST",
                "/api/v1/reports/duplicates/" + encodePath("<img src=x onerror=alert(1)>") + "/dismiss",
                "{\"reason\":\"x\"}", 400, "flagId"));
        add(cases, "dismiss with a NUL in the reason", new Query("POST",
                "/api/v1/reports/duplicates/00000000-0000-0000-0000-000000000001/dismiss", "{\"reason\":\"a\\u0000b\"}", 400, "reason"));

        // goals: every field of the body, the path's goal id, the reports' parameters
        for (String bad : List.of("FOLLOWUPS", SQL, SCRIPT, "")) {
            add(cases, "goal metric=" + abbreviate(bad), postGoal(goal("metric", bad), "metric"));
        }
        for (String bad : List.of("COMPANY", SQL, SCRIPT)) {
            add(cases, "goal scope=" + abbreviate(bad), postGoal(goal("scope", bad), "scope"));
        }
        for (String bad : List.of(SQL, SCRIPT, TRAVERSAL, "rep\\u0000", "rep\\u202e", HUGE.substring(0, 65))) {
            add(cases, "goal repId=" + abbreviate(bad), postGoal(goal("repId", bad), "repId"));
            add(cases, "goal teamId=" + abbreviate(bad), postGoal(goal("teamId", bad), "teamId"));
        }
        for (String bad : List.of("0", "-5", "abc", "1e999", "1000001", "1.5", SQL, HUGE.substring(0, 2000))) {
            add(cases, "goal target=" + abbreviate(bad), postGoal(goal("target", bad), "target"));
        }
        for (String bad : List.of(MONDAY.plusDays(1).toString(), "1990-01-01", "2999-01-04", SQL, "2026-02-30", "")) {
            add(cases, "goal periodStart=" + abbreviate(bad), postGoal(goal("periodStart", bad), "periodStart"));
        }
        add(cases, "goal follow-ups with a currency", postGoal(goal("currency", "CNY"), "currency"));
        String revenue = goal("metric", "REVENUE_PER_MONTH").replace(MONDAY.toString(), MONDAY.withDayOfMonth(1).toString());
        for (String bad : List.of("", "CNYX", "C1Y", SQL)) {
            add(cases, "revenue goal currency=" + abbreviate(bad), postGoal(revenue.replace("\"currency\":null",
                    "\"currency\":\"" + bad + "\""), "currency"));
        }
        add(cases, "goal body that is not JSON", new Query("POST", "/api/v1/goals", "{\"scope\":", 400, ""));
        add(cases, "goal body that is null", new Query("POST", "/api/v1/goals", "null", 400, ""));
        add(cases, "change goal not-a-uuid", new Query("PUT", "/api/v1/goals/not-a-uuid", goal("target", "5"), 400, "goalId"));
        add(cases, "remove goal " + SQL, Query.refusedBeforeMvc("DELETE", "/api/v1/goals/" + encode(SQL), null));
        add(cases, "remove goal <img>", new Query("DELETE", "/api/v1/goals/" + encodePath("<img src=x>"), null, 400, "goalId"));
        for (String path : List.of("/api/v1/goals?", "/api/v1/reports/goals/attainment?", "/api/v1/exports/goals?",
                "/api/v1/reports/goals/leaderboard?teamId=east&metric=FOLLOW_UPS_PER_WEEK&")) {
            for (String bad : List.of("yesterday", SQL, "2026-02-30")) {
                add(cases, path + " day=" + abbreviate(bad), Query.get(path + "day=" + encode(bad), 400, "day"));
            }
            add(cases, path + " teamId with NUL, BEL", Query.get(path + "teamId=" + encode(CONTROLS), 400, "teamId"));
        }
        for (String bad : List.of("colour", SQL, SCRIPT)) {
            add(cases, "goals metric=" + abbreviate(bad), Query.get("/api/v1/goals?metric=" + encode(bad), 400, "metric"));
            add(cases, "attainment metric=" + abbreviate(bad), Query.get("/api/v1/reports/goals/attainment?metric="
                    + encode(bad), 400, "metric"));
            add(cases, "leaderboard metric=" + abbreviate(bad), Query.get("/api/v1/reports/goals/leaderboard?teamId=east&metric="
                    + encode(bad), 400, "metric"));
        }
        add(cases, "leaderboard without teamId", Query.get("/api/v1/reports/goals/leaderboard?metric=FOLLOW_UPS_PER_WEEK",
                400, "teamId"));
        add(cases, "leaderboard without metric", Query.get("/api/v1/reports/goals/leaderboard?teamId=east", 400, "metric"));
        for (String bad : List.of(TRAVERSAL, "pdf", "csv%00.exe", SCRIPT)) {
            add(cases, "goals export format=" + abbreviate(bad), Query.get("/api/v1/exports/goals?format=" + encode(bad), 400,
                    "format"));
        }

        // the admin API
        add(cases, "token with role GOD", new Query("POST", "/api/v1/admin/tokens", "{\"role\":\"GOD\"}", 400, "role"));
        add(cases, "token with role " + SQL, new Query("POST", "/api/v1/admin/tokens",
                "{\"role\":\"" + SQL + "\"}", 400, "role"));
        for (String bad : List.of(SQL, SCRIPT, TRAVERSAL, "rep\\u0000", "rep\\u202e", HUGE.substring(0, 65))) {
            add(cases, "REP token for repId " + abbreviate(bad), new Query("POST", "/api/v1/admin/tokens",
                    "{\"role\":\"REP\",\"repId\":\"" + bad + "\"}", 400, "repId"));
            add(cases, "MANAGER token for teamId " + abbreviate(bad), new Query("POST", "/api/v1/admin/tokens",
                    "{\"role\":\"MANAGER\",\"teamId\":\"" + bad + "\"}", 400, "teamId"));
            add(cases, "BI token named " + abbreviate(bad), new Query("POST", "/api/v1/admin/tokens",
                    "{\"role\":\"BI\",\"name\":\"" + bad + "\"}", 400, "name"));
            add(cases, "user with repId " + abbreviate(bad), new Query("PUT", "/api/v1/admin/users/li.na",
                    "{\"role\":\"REP\",\"repId\":\"" + bad + "\",\"password\":\"correct horse battery\"}", 400, "repId"));
        }
        String user = "{\"role\":\"BI\",\"password\":\"correct horse battery\"}";
        for (String bad : List.of("<b>x", "x'--", "a b", HUGE.substring(0, 65), "王芳\u202E")) {
            add(cases, "user named " + abbreviate(bad), new Query("PUT", "/api/v1/admin/users/" + encodePath(bad), user, 400,
                    "username"));
        }
        for (String bad : List.of(SQL, SCRIPT, "..", "..%5C..%5Cwindows", "a%00b", "..%2F..%2Fetc%2Fpasswd")) {
            add(cases, "user named " + abbreviate(bad), Query.refusedBeforeMvc("PUT", "/api/v1/admin/users/" + encodePath(bad), user));
        }
        add(cases, "user with role " + SCRIPT, new Query("PUT", "/api/v1/admin/users/li.na",
                "{\"role\":\"" + SCRIPT + "\",\"password\":\"correct horse battery\"}", 400, "role"));
        add(cases, "user with a NUL in a team", new Query("PUT", "/api/v1/admin/users/li.na",
                "{\"role\":\"MANAGER\",\"teamIds\":[\"east\\u0000\"],\"password\":\"correct horse battery\"}", 400, "teamIds"));
        add(cases, "token body that is not JSON", new Query("POST", "/api/v1/admin/tokens", "{\"role\":", 400, ""));
        add(cases, "revoke token " + SQL, Query.refusedBeforeMvc("DELETE", "/api/v1/admin/tokens/" + encode(SQL), null));
        add(cases, "revoke token not-a-uuid", new Query("DELETE", "/api/v1/admin/tokens/not-a-uuid", null, 400, "tokenId"));
        return cases.stream();
    }

    /** Free-text filters are bound as values: injection, traversal, 10 KB and control characters find nothing and break nothing. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("filtersAsData")
    @Order(1)
    void shouldTreatFreeTextFiltersAsDataAndChangeNothing(String path) {
        // given
        Map<String, Long> before = rowCounts();

        // when
        HttpResponse<String> response = send(Query.get(path, 200, ""));

        // then JSON (never HTML a browser would run), with no rows: no customer, rep, team or source has such a name
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(contentType(response)).startsWith("application/json");
        JsonNode answer = json(response);
        if (answer.has("rows")) {
            // time-in-stage answers one row per stage whatever the filter: then every one counts nobody
            assertThat(answer.get("rows")).allSatisfy(row -> assertThat(row.path("customers").asInt()).isZero());
        }
        assertThat(rowCounts()).isEqualTo(before);
    }

    static Stream<Arguments> filtersAsData() {
        List<Arguments> cases = new ArrayList<>();
        Map<String, List<String>> filters = new LinkedHashMap<>();
        filters.put("/api/v1/reports/rep-activity?" + RANGE, List.of("repId", "teamId", "source"));
        filters.put("/api/v1/reports/team-activity?" + RANGE, List.of("teamId", "source"));
        filters.put("/api/v1/reports/summary?" + RANGE, List.of("repId", "teamId", "source"));
        filters.put("/api/v1/reports/funnel?" + RANGE, List.of("repId", "teamId", "source"));
        filters.put("/api/v1/reports/stage-transitions?" + RANGE, List.of("repId", "teamId", "source"));
        filters.put("/api/v1/reports/time-in-stage?" + RANGE, List.of("repId", "teamId", "source"));
        filters.put("/api/v1/reports/rep-conversion?" + RANGE, List.of("teamId", "source"));
        filters.put("/api/v1/followups?limit=5", List.of("customerId", "repId"));
        filters.put("/api/v1/reports/lost-reasons?" + RANGE + "&groupBy=source", List.of("repId", "teamId", "source"));
        filters.put("/api/v1/reports/lost-reasons/customers?" + RANGE + "&groupBy=rep",
                List.of("repId", "teamId", "source", "group", "reason"));
        filters.put("/api/v1/reports/cycle-length?" + RANGE + "&groupBy=source", List.of("repId", "teamId", "source"));
        filters.put("/api/v1/reports/cycle-length/customers?" + RANGE + "&groupBy=team&outcome=lost",
                List.of("repId", "teamId", "source", "group"));
        filters.put("/api/v1/reports/velocity?" + RANGE, List.of("repId", "teamId", "source"));
        filters.put("/api/v1/reports/forecast?" + RANGE + "&groupBy=team", List.of("repId", "teamId", "source"));
        filters.put("/api/v1/reports/forecast/history?month=2026-11", List.of("repId", "teamId"));
        filters.put("/api/v1/reports/forecast/customers?" + RANGE + "&month=2026-11", List.of("repId", "teamId", "source",
                "group", "currency"));
        filters.put("/api/v1/reports/stale-customers?kind=STALE", List.of("repId", "teamId", "source"));
        filters.put("/api/v1/alerts?status=OPEN", List.of("customerId"));
        filters.put("/api/v1/alerts/digest?", List.of("repId"));
        filters.put("/api/v1/reports/pool?", List.of("teamId", "repId", "source"));
        filters.put("/api/v1/reports/pool?withoutTeam=true", List.of("repId", "source"));
        filters.put("/api/v1/reports/duplicates?status=ALL", List.of("repId", "teamId", "source"));
        filters.put("/api/v1/reports/duplicates/counts?", List.of("repId", "teamId", "source"));
        filters.put("/api/v1/alerts/reminder?", List.of("repId"));
        filters.put("/api/v1/drill/follow-ups?" + RANGE, List.of("repId", "teamId", "source"));
        // currency is a filter as in the funnel's revenue: an unknown one finds nothing
        filters.put("/api/v1/drill/sales?" + RANGE, List.of("repId", "teamId", "currency", "source"));
        filters.put("/api/v1/drill/funnel?measure=all&" + RANGE, List.of("repId", "teamId", "source"));
        filters.put("/api/v1/drill/funnel?measure=open&" + RANGE, List.of("repId", "teamId", "source"));
        filters.put("/api/v1/drill/funnel?measure=decided&" + RANGE, List.of("repId", "teamId", "source"));
        filters.put("/api/v1/drill/funnel?measure=with_sale&" + RANGE, List.of("repId", "teamId", "source"));
        filters.put("/api/v1/drill/stage-transitions?fromStage=LEAD&toStage=LOST&" + RANGE, List.of("repId", "teamId", "source"));
        filters.put("/api/v1/drill/time-in-stage?stage=LEAD&" + RANGE, List.of("repId", "teamId", "source"));
        filters.put("/api/v1/drill/won-sales?" + RANGE, List.of("repId", "teamId", "source", "currency"));
        filters.put("/api/v1/drill/cohort-sales?" + RANGE, List.of("repId", "teamId", "source", "currency"));
        filters.put("/api/v1/reports/forecast/stage-probabilities/customers?stage=QUOTE", List.of("repId", "teamId", "source"));
        filters.put("/api/v1/drill/reps?" + RANGE, List.of("repId", "teamId", "source"));
        filters.put("/api/v1/drill/teams?" + RANGE, List.of("repId", "teamId", "source"));
        filters.put("/api/v1/drill/touches?" + RANGE, List.of("repId", "teamId", "source"));
        filters.put("/api/v1/drill/new-customers?" + RANGE, List.of("repId", "teamId", "source"));
        filters.put("/api/v1/reports/cycle-length/customers?outcome=won&fromDays=0&toDays=7&" + RANGE,
                List.of("repId", "teamId", "source", "group"));
        filters.put("/api/v1/alerts/backtest?from=2026-11-01&to=2026-11-30", List.of("teamId"));
        filters.put("/api/v1/goals?", List.of("repId", "teamId"));
        filters.put("/api/v1/reports/goals/attainment?", List.of("repId", "teamId"));
        filters.put("/api/v1/reports/goals/leaderboard?metric=FOLLOW_UPS_PER_WEEK", List.of("teamId"));
        for (Map.Entry<String, List<String>> endpoint : filters.entrySet()) {
            for (String parameter : endpoint.getValue()) {
                for (String value : List.of(SQL, SCRIPT, TRAVERSAL, "' OR '1'='1", HUGE.substring(0, 6_000), "\u202Egnp.exe", "王芳😀مرحبا")) {
                    String path = endpoint.getKey() + (endpoint.getKey().endsWith("?") ? "" : "&") + parameter + "=" + encode(value);
                    cases.add(Arguments.of(Named.of(endpoint.getKey().replaceAll("\\?.*", "") + " " + parameter + "="
                            + abbreviate(value), path)));
                }
            }
        }
        return cases.stream();
    }

    @Test
    @Order(1)
    void shouldNameTheExportFileFromValidatedValuesOnlyWhateverTheFilters() {
        // given filters that would be dangerous in a file name, and the audit log as it stands
        Map<String, Long> before = rowCounts();
        String path = "/api/v1/exports/stage-conversion?format=XLSX&groupBy=Rep&" + RANGE + "&repId=" + encode(TRAVERSAL)
                + "&teamId=" + encode("\"; filename=evil.exe") + "&source=" + encode(SCRIPT);

        // when
        HttpResponse<String> response = send(Query.get(path, 200, ""));

        // then the name is made of the two dates and the two enums, the filters never reach it
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().allValues("Content-Disposition")).containsExactly(
                "attachment; filename=\"stage-conversion_2026-11-01_2026-11-30_by-rep.xlsx\"; "
                        + "filename*=UTF-8''stage-conversion_2026-11-01_2026-11-30_by-rep.xlsx");
        // and the export is audited with the filters stored as data: one audit row more, nothing else
        Map<String, Long> expected = new LinkedHashMap<>(before);
        expected.merge("audit_log", 1L, Long::sum);
        assertThat(rowCounts()).isEqualTo(expected);
        assertThat(TestPostgres.queryLong(stack.jdbcUrl(), "select count(*) from audit_log where details::text like ?",
                "%" + TRAVERSAL + "%")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void shouldStillAnswerAfterTheWholeCorpus() {
        assertThat(stack.report().get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(json(stack.report().get("/actuator/health")).get("status").asString()).isEqualTo("UP");
        assertThat(stack.report().getJson("/api/v1/followups?customerId=C-1").get("rows")).hasSize(1);
        assertThat(TestPostgres.queryLong(stack.jdbcUrl(), "select count(*) from followup")).isEqualTo(1);
    }

    @Test
    @Order(3)
    void shouldSetAGoalOnceRefuseItsTwinInTheCallersLanguageAndExportIt() {
        // given a valid goal
        HttpResponse<String> created = send(new Query("POST", "/api/v1/goals", goal("target", "20"), 201, null));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String goalId = json(created).get("goalId").asString();

        // when the same goal is set again, and changed to start on a Tuesday, in Chinese
        HttpResponse<String> twin = sendIn("zh-CN", new Query("POST", "/api/v1/goals", goal("target", "30"), 409, null));
        HttpResponse<String> tuesday = sendIn("zh-CN", new Query("PUT", "/api/v1/goals/" + goalId,
                goal("periodStart", MONDAY.plusDays(1).toString()), 400, null));

        // then 409 and 400 with their codes and Chinese texts, and the goal as it was
        assertThat(Refusal.of(twin)).isEqualTo(new Refusal(409, "PULSE-G007", "该rep在此指标、周期和币种下已有目标，请修改原目标"));
        assertThat(Refusal.of(tuesday)).isEqualTo(new Refusal(400, "PULSE-G004", "periodStart 必须是周期的第一天：Monday 周一"));
        assertThat(TestPostgres.queryLong(stack.jdbcUrl(), "select count(*) from goal")).isEqualTo(1);
        assertThat(TestPostgres.queryLong(stack.jdbcUrl(), "select count(*) from audit_log where action = 'goal.create'"))
                .isEqualTo(1);

        // and the export holds it, BOM first, audited
        HttpResponse<String> csv = send(Query.get("/api/v1/exports/goals?format=csv", 200, null));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFFscope,rep_id,team_id,metric,period_start,period_end,currency,target,actual,"
                + "attainment,elapsed,expected,pace,behind_pace");
        assertThat(csv.body()).contains("REP,rep-1,east,FOLLOW_UPS_PER_WEEK," + MONDAY + "," + MONDAY.plusDays(6) + ",,20.00,");
        assertThat(TestPostgres.queryLong(stack.jdbcUrl(), "select count(*) from audit_log where action = 'export.goals'"))
                .isEqualTo(1);

        // and removing it twice: 204, then 404
        assertThat(send(new Query("DELETE", "/api/v1/goals/" + goalId, null, 204, null)).statusCode()).isEqualTo(204);
        assertThat(send(new Query("DELETE", "/api/v1/goals/" + goalId, null, 404, null)).statusCode()).isEqualTo(404);
    }

    private static Map<String, Long> rowCounts() {
        String sql = "select " + String.join(", ", TABLES.stream().map(t -> "(select count(*) from " + t + ")").toList());
        String[] values = TestPostgres.queryRows(stack.jdbcUrl(), sql).getFirst().split(" \\| ");
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < TABLES.size(); i++) {
            counts.put(TABLES.get(i), Long.parseLong(values[i]));
        }
        return counts;
    }

    private static HttpResponse<String> send(Query query) {
        return sendIn(null, query);
    }

    /** The query as the admin sends it, asking for answers in {@code language} (none: no Accept-Language). */
    private static HttpResponse<String> sendIn(String language, Query query) {
        HttpRequest.Builder request = authorized(HttpRequest.newBuilder(stack.report().uri(query.path())))
                .timeout(Duration.ofSeconds(30))
                .method(query.method(), query.body() == null ? BodyPublishers.noBody()
                        : BodyPublishers.ofString(query.body(), StandardCharsets.UTF_8));
        if (query.body() != null) {
            request.header("Content-Type", "application/json");
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        try {
            return HTTP.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(query + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A valid rep goal for this week, with one field replaced by a raw JSON string value. */
    private static String goal(String field, String value) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("scope", "REP");
        fields.put("repId", "rep-1");
        fields.put("teamId", "east");
        fields.put("metric", "FOLLOW_UPS_PER_WEEK");
        fields.put("periodStart", MONDAY.toString());
        fields.put("target", "20");
        fields.put("currency", null);
        fields.put(field, value);
        return "{" + String.join(",", fields.entrySet().stream().map(e -> "\"" + e.getKey() + "\":"
                + (e.getValue() == null ? "null" : "\"" + e.getValue() + "\"")).toList()) + "}";
    }

    private static Query postGoal(String body, String names) {
        return new Query("POST", "/api/v1/goals", body, 400, names);
    }

    private static void add(List<Arguments> cases, String name, Query query) {
        cases.add(Arguments.of(Named.of(name, query)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A path segment: percent-encoded as a query value, with spaces as %20 (a '+' is a literal plus in a path). */
    private static String encodePath(String value) {
        return value.contains("%") ? value : encode(value).replace("+", "%20");
    }

    private static String abbreviate(String value) {
        String printable = value.replace("\u0000", "\\0").replace("\u0007", "\\a").replace("\u202E", "\\u202E");
        return printable.length() > 30 ? printable.substring(0, 12) + "…(" + value.length() + " chars)" : printable;
    }
}
