package dev.pulse.launcher.e2e;

import static dev.pulse.launcher.e2e.FollowUps.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.launcher.stack.PulseStack;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint times every role, on the real stack: which status each caller gets, and, where
 * the call is allowed, that the answer holds exactly the rows of the caller's scope. The seed has
 * two teams: team-a (rep-a1 with customers c-a1-1 and c-a1-2, rep-a2 with c-a2-1) and team-b
 * (rep-b1 with c-b1-1 and c-b1-2); all five were last contacted on 2026-11-03 at QUALIFIED, so
 * each is STALE by now. c-a1-1 and c-a2-1 share a phone (a flag of team-a's reps), c-b1-1 and
 * c-b1-2 another (a flag of rep-b1 only). rep-a1 and rep-b1 each have one sale.
 */
class AuthorizationMatrixIT {

    private static final String DAY = "from=2026-11-03&to=2026-11-03";

    private static PulseStack stack;
    private static PulseClient admin;
    private static final Map<String, PulseClient> callers = new LinkedHashMap<>();

    @BeforeAll
    static void seed() {
        stack = EmbeddedStack.start(EmbeddedStack.settingsFor("authz"));
        admin = new PulseClient(stack);
        post("c-a1-1", "rep-a1", "team-a", "13900000001", "2026-11-03T02:00:00Z");
        post("c-a1-2", "rep-a1", "team-a", "13900000002", "2026-11-03T03:00:00Z");
        post("c-a2-1", "rep-a2", "team-a", "13900000001", "2026-11-03T04:00:00Z");
        post("c-b1-1", "rep-b1", "team-b", "13900000009", "2026-11-03T05:00:00Z");
        post("c-b1-2", "rep-b1", "team-b", "13900000009", "2026-11-03T06:00:00Z");
        assertThat(admin.post("/api/v1/sales", sale("o-a1", "c-a1-1", "rep-a1", "team-a", "1000", "2026-11-03T07:00:00Z"))
                .status()).isEqualTo(202);
        assertThat(admin.post("/api/v1/sales", sale("o-b1", "c-b1-1", "rep-b1", "team-b", "500", "2026-11-03T07:00:00Z"))
                .status()).isEqualTo(202);

        callers.put("ADMIN", admin);
        callers.put("BI", admin.as(issue(Map.of("role", "BI"))));
        callers.put("MANAGER", admin.as(issue(Map.of("role", "MANAGER", "teamId", "team-a"))));
        callers.put("REP", admin.as(issue(Map.of("role", "REP", "repId", "rep-a1"))));
        callers.put("INGEST", admin.as(issue(Map.of("role", "INGEST"))));
        callers.put("none", admin.as(null));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(admin.get("/api/v1/reports/stale-customers").get("rows")).hasSize(5);
            assertThat(admin.get("/api/v1/reports/duplicates").get("rows")).hasSize(2);
            assertThat(admin.get("/api/v1/reports/summary?" + DAY).get("sales").asInt()).isEqualTo(2);
            assertThat(admin.get("/api/v1/reports/funnel?" + DAY).get("customers").asInt()).isEqualTo(5);
        });
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldAnswerEveryEndpointWithTheStatusOfTheCallersRole() {
        // reading roles are ADMIN, BI, MANAGER, REP; INGEST may only post; without a token, nothing
        List<String> reads = List.of(
                "/api/v1/reports/rep-activity?" + DAY, "/api/v1/reports/team-activity?" + DAY,
                "/api/v1/reports/summary?" + DAY, "/api/v1/teams", "/api/v1/followups?customerId=c-a1-1",
                "/api/v1/reports/duplicates", "/api/v1/reports/duplicates/counts", "/api/v1/reports/stale-customers",
                "/api/v1/alerts", "/api/v1/alerts/digest?repId=rep-a1", "/api/v1/reports/funnel?" + DAY,
                "/api/v1/reports/stage-transitions?" + DAY, "/api/v1/reports/time-in-stage?" + DAY,
                "/api/v1/reports/rep-conversion?" + DAY, "/api/v1/pipeline",
                "/api/v1/exports/stage-conversion?format=csv&" + DAY, "/api/v1/exports/stage-conversion?format=xlsx&" + DAY,
                "/api/v1/reports/lost-reasons?groupBy=stage&" + DAY, "/api/v1/reports/lost-reasons/customers?" + DAY,
                "/api/v1/exports/lost-reasons?format=csv&" + DAY, "/api/v1/exports/lost-reasons?format=xlsx&" + DAY,
                "/api/v1/reports/cycle-length?groupBy=rep&" + DAY, "/api/v1/reports/cycle-length/customers?outcome=won&" + DAY,
                "/api/v1/reports/velocity?" + DAY, "/api/v1/reports/forecast?" + DAY,
                "/api/v1/reports/forecast/stage-probabilities", "/api/v1/reports/forecast/customers?month=2026-11&" + DAY,
                "/api/v1/reports/forecast/history?month=2026-11",
                // the 公海 pool is every rep's to claim from, so every reading role sees all of it
                "/api/v1/reports/pool", "/api/v1/exports/pool?format=csv", "/api/v1/exports/pool?format=xlsx",
                "/api/v1/alerts/reminder?repId=rep-a1", "/api/v1/goals", "/api/v1/reports/goals/attainment",
                "/api/v1/reports/goals/leaderboard?teamId=team-a&metric=FOLLOW_UPS_PER_WEEK",
                "/api/v1/exports/goals?format=csv", "/api/v1/exports/goals?format=xlsx",
                // the dashboards' filter bar: range presets, the sources to choose from, the reports' "as of"
                "/api/v1/date-range?range=this_week", "/api/v1/sources", "/api/v1/freshness",
                "/api/v1/reports/summary?repId=rep-a1&" + DAY,
                // every report's export, and the lists behind the figures with theirs (each in the caller's scope)
                "/api/v1/exports/rep-activity?format=csv&" + DAY, "/api/v1/exports/team-activity?format=xlsx&" + DAY,
                "/api/v1/exports/stale-customers?format=csv", "/api/v1/exports/forecast?format=xlsx&" + DAY,
                "/api/v1/exports/cycle-length?format=csv&" + DAY,
                "/api/v1/drill/follow-ups?" + DAY, "/api/v1/drill/sales?" + DAY, "/api/v1/drill/funnel?stage=QUALIFIED&" + DAY,
                "/api/v1/exports/drill/follow-ups?format=csv&" + DAY, "/api/v1/exports/drill/sales?format=xlsx&" + DAY,
                "/api/v1/exports/drill/funnel?format=csv&measure=all&" + DAY,
                "/api/v1/drill/reps?" + DAY, "/api/v1/drill/teams?" + DAY, "/api/v1/drill/touches?" + DAY,
                "/api/v1/exports/drill/reps?format=csv&" + DAY, "/api/v1/exports/drill/teams?format=xlsx&" + DAY,
                "/api/v1/exports/drill/touches?format=csv&" + DAY, "/api/v1/drill/new-customers?" + DAY,
                "/api/v1/exports/drill/new-customers?format=xlsx&" + DAY,
                "/api/v1/exports/lost-reasons/customers?format=csv&" + DAY,
                "/api/v1/exports/cycle-length/customers?format=xlsx&outcome=won&fromDays=0&toDays=7&" + DAY,
                "/api/v1/exports/forecast/customers?format=csv&month=2026-11&" + DAY,
                "/api/v1/drill/funnel?measure=decided&" + DAY, "/api/v1/drill/funnel?measure=with_sale&" + DAY,
                "/api/v1/drill/stage-transitions?fromStage=LEAD&toStage=QUALIFIED&" + DAY,
                "/api/v1/exports/drill/stage-transitions?format=xlsx&fromStage=QUALIFIED&toStage=LOST&" + DAY,
                "/api/v1/drill/time-in-stage?stage=QUALIFIED&" + DAY,
                "/api/v1/exports/drill/time-in-stage?format=csv&stage=LEAD&" + DAY,
                "/api/v1/drill/won-sales?" + DAY, "/api/v1/exports/drill/won-sales?format=xlsx&" + DAY,
                // the overview's flag card and the pool's no-team bar open these
                "/api/v1/exports/duplicates?format=csv", "/api/v1/reports/pool?withoutTeam=true",
                "/api/v1/exports/pool?format=xlsx&withoutTeam=true",
                "/api/v1/drill/cohort-sales?" + DAY, "/api/v1/exports/drill/cohort-sales?format=csv&" + DAY,
                "/api/v1/reports/forecast/stage-probabilities/customers?stage=QUALIFIED",
                "/api/v1/exports/forecast/stage-probabilities/customers?format=xlsx&stage=QUALIFIED&count=won");
        List<String> failures = new ArrayList<>();
        for (String path : reads) {
            expect(failures, path, Map.of("ADMIN", 200, "BI", 200, "MANAGER", 200, "REP", 200, "INGEST", 403, "none", 401));
        }
        for (String path : List.of("/api/v1/admin/tokens", "/api/v1/admin/users", "/api/v1/admin/audit",
                "/api/v1/admin/alert-routes", "/api/v1/admin/alert-contacts", "/api/v1/admin/alert-deliveries",
                "/actuator/prometheus", "/actuator/metrics")) {
            expect(failures, path, Map.of("ADMIN", 200, "BI", 403, "MANAGER", 403, "REP", 403, "INGEST", 403, "none", 401));
        }
        // a backtest of alert rules is a manager's (their teams), an admin's or BI's; a rep is refused
        for (String path : List.of("/api/v1/alerts/backtest?from=2026-11-02&to=2026-11-15", "/api/v1/alerts/backtest/rules")) {
            expect(failures, path, Map.of("ADMIN", 200, "BI", 200, "MANAGER", 200, "REP", 403, "INGEST", 403, "none", 401));
        }
        for (String path : List.of("/api/v1/me")) {
            expect(failures, path, Map.of("ADMIN", 200, "BI", 200, "MANAGER", 200, "REP", 200, "INGEST", 200, "none", 401));
        }
        for (String path : List.of("/actuator/health", "/api/v1/auth/providers", "/login.html")) {
            expect(failures, path, Map.of("ADMIN", 200, "BI", 200, "MANAGER", 200, "REP", 200, "INGEST", 200, "none", 200));
        }
        for (String page : List.of("/", "/index.html", "/funnel.html", "/stale.html", "/duplicates.html", "/import.html",
                "/forecast.html", "/pool.html", "/routes.html", "/goals.html")) {
            // a person without a session is sent to the login page; a machine token is no dashboard user
            expect(failures, page, Map.of("ADMIN", 200, "BI", 200, "MANAGER", 200, "REP", 200, "INGEST", 403, "none", 302));
        }
        // taking a forecast snapshot is an admin's (a day before any follow-up: it writes nothing)
        Map.of("ADMIN", 200, "BI", 403, "MANAGER", 403, "REP", 403, "INGEST", 403).forEach((role, expected) -> {
            int actual = callers.get(role).sendReport("POST", "/api/v1/admin/forecast-snapshots?day=2000-01-01", null).status();
            if (actual != expected) {
                failures.add(role + " POST /api/v1/admin/forecast-snapshots: " + actual + " instead of " + expected);
            }
        });
        assertThat(failures).as("endpoint answers that differ from the matrix").isEmpty();
    }

    @Test
    void shouldShowHealthToEveryoneAndItsDetailsToAdminsOnly() {
        assertThat(callers.get("none").getReport("/actuator/health").body().has("components")).isFalse();
        assertThat(callers.get("BI").getReport("/actuator/health").body().has("components")).isFalse();
        assertThat(admin.getReport("/actuator/health").body().get("components").has("db")).isTrue();
    }

    @Test
    void shouldLetOnlyIngestAndAdminTokensPostEvents() {
        Map<String, Integer> expected = Map.of("ADMIN", 202, "INGEST", 202, "BI", 403, "MANAGER", 403, "REP", 403,
                "none", 401);
        int[] phone = {100};
        expected.forEach((role, status) -> {
            // a rep and team outside every scope above, and a phone of its own: the other checks stay exact
            String body = followUp("c-post-" + role, "rep-x", "team-x", "13900000" + phone[0]++, "2026-11-04T02:00:00Z");
            assertThat(callers.get(role).post("/api/v1/followups", body).status()).as(role).isEqualTo(status);
        });
    }

    @Test
    void shouldShowARepOnlyTheirOwnCustomersAndFigures() {
        PulseClient rep = callers.get("REP");
        assertThat(reps(rep.get("/api/v1/reports/rep-activity?" + DAY))).containsExactly("rep-a1");
        assertThat(rep.get("/api/v1/reports/team-activity?" + DAY).get("rows")).isEmpty();
        JsonNode summary = rep.get("/api/v1/reports/summary?" + DAY);
        assertThat(summary.get("followUps").asInt()).isEqualTo(2);
        assertThat(summary.get("sales").asInt()).isEqualTo(1);
        // a source cut, counted from the facts, never widens the scope: the rep's own, none of team-b's source
        assertThat(rep.get("/api/v1/reports/summary?source=expo-team-a&" + DAY).get("followUps").asInt()).isEqualTo(2);
        assertThat(rep.get("/api/v1/reports/summary?source=expo-team-a&" + DAY).get("sales").asInt()).isEqualTo(1);
        assertThat(rep.get("/api/v1/reports/summary?source=expo-team-b&" + DAY).get("followUps").asInt()).isZero();
        assertThat(reps(rep.get("/api/v1/reports/rep-activity?source=expo-team-a&" + DAY))).containsExactly("rep-a1");
        assertThat(rep.get("/api/v1/reports/team-activity?source=expo-team-a&" + DAY).get("rows")).isEmpty();
        assertThat(rep.get("/api/v1/drill/follow-ups?source=expo-team-a&" + DAY).get("total").asInt()).isEqualTo(2);
        assertThat(rep.getReport("/api/v1/reports/summary?repId=rep-a2&source=expo-team-a&" + DAY).status()).isEqualTo(403);
        assertThat(rep.get("/api/v1/teams").toString()).isEqualTo("{\"rows\":[{\"teamId\":\"team-a\",\"reps\":[\"rep-a1\"]}]}");
        // another rep's customer, asked for by id: no rows, the same answer as for a customer that does not exist
        assertThat(rep.get("/api/v1/followups?customerId=c-a2-1").get("rows")).isEmpty();
        assertThat(rep.get("/api/v1/followups?customerId=c-a1-1").get("rows")).hasSize(1);
        assertThat(rep.getReport("/api/v1/followups?repId=rep-a2").status()).isEqualTo(403);
        assertThat(customers(rep.get("/api/v1/reports/stale-customers"))).containsExactlyInAnyOrder("c-a1-1", "c-a1-2");
        assertThat(rep.get("/api/v1/alerts?customerId=c-b1-1").get("rows")).isEmpty();
        assertThat(rep.getReport("/api/v1/alerts/digest?repId=rep-b1").status()).isEqualTo(403);
        assertThat(rep.get("/api/v1/reports/duplicates").get("rows")).hasSize(1);
        assertThat(rep.get("/api/v1/reports/duplicates/counts").get("total").asInt()).isEqualTo(1);
        assertThat(rep.get("/api/v1/reports/funnel?" + DAY).get("customers").asInt()).isEqualTo(2);
        assertThat(reps(rep.get("/api/v1/reports/rep-conversion?" + DAY))).containsExactly("rep-a1");
        assertThat(rep.getReport("/api/v1/reports/funnel?repId=rep-b1&" + DAY).status()).isEqualTo(403);
        assertThat(rep.getReport("/api/v1/reports/lost-reasons?repId=rep-b1&" + DAY).status()).isEqualTo(403);
        // the rep-conversion's with-sale cell lists the rep's own customer with a sale, not rep-b1's
        assertThat(customers(rep.get("/api/v1/drill/funnel?measure=with_sale&" + DAY))).containsExactly("c-a1-1");
        assertThat(customers(admin.get("/api/v1/drill/funnel?measure=with_sale&" + DAY)))
                .containsExactlyInAnyOrder("c-a1-1", "c-b1-1");
        // and the sales behind its revenue: rep-a1's o-a1 alone
        assertThat(rep.get("/api/v1/drill/cohort-sales?" + DAY).get("rows")).extracting(r -> r.get("orderId").asString())
                .containsExactly("o-a1");
        assertThat(admin.get("/api/v1/drill/cohort-sales?" + DAY).get("total").asInt()).isEqualTo(2);
        // the probability table's QUALIFIED row: all five reached it on 11-03 (the window is the last 12 months up to
        // today, default); the rep sees their own (and c-a1-3, won on 11-10, when the stream test has run first)
        assertThat(customers(rep.get("/api/v1/reports/forecast/stage-probabilities/customers?stage=QUALIFIED")))
                .contains("c-a1-1", "c-a1-2").allMatch(id -> id.startsWith("c-a1-"));
        assertThat(customers(admin.get("/api/v1/reports/forecast/stage-probabilities/customers?stage=QUALIFIED")))
                .contains("c-a1-1", "c-a1-2", "c-a2-1", "c-b1-1", "c-b1-2");
        for (String path : List.of("/api/v1/drill/funnel?measure=decided&repId=rep-b1&" + DAY,
                "/api/v1/drill/stage-transitions?fromStage=LEAD&toStage=LOST&repId=rep-a2&" + DAY,
                "/api/v1/drill/time-in-stage?stage=LEAD&repId=rep-b1&" + DAY,
                "/api/v1/exports/drill/time-in-stage?stage=LEAD&repId=rep-b1&" + DAY,
                "/api/v1/drill/cohort-sales?repId=rep-b1&" + DAY, "/api/v1/drill/won-sales?repId=rep-a2&" + DAY)) {
            assertThat(rep.getReport(path).status()).as(path).isEqualTo(403);
        }
        assertThat(rep.get("/api/v1/reports/velocity?" + DAY).get("openCustomers").asInt()).isEqualTo(2);
        assertThat(rep.getReport("/api/v1/reports/summary?repId=rep-a2&" + DAY).status()).isEqualTo(403);
        assertThat(rep.getReport("/api/v1/reports/duplicates?repId=rep-b1").status()).isEqualTo(403);
        assertThat(rep.get("/api/v1/reports/duplicates/counts?teamId=team-b").get("total").asInt()).isZero();
        assertThat(rep.get("/api/v1/sources").toString()).isEqualTo("{\"rows\":[\"expo-team-a\"]}");
        JsonNode me = rep.get("/api/v1/me");
        assertThat(me.get("role").asString()).isEqualTo("REP");
        assertThat(me.get("repId").asString()).isEqualTo("rep-a1");
    }

    @Test
    void shouldShowAManagerTheirTeamAndRefuseAnotherTeam() {
        PulseClient manager = callers.get("MANAGER");
        assertThat(reps(manager.get("/api/v1/reports/rep-activity?" + DAY))).containsExactly("rep-a1", "rep-a2");
        assertThat(manager.get("/api/v1/reports/team-activity?" + DAY).get("rows")).extracting(r -> r.get("teamId").asString())
                .containsExactly("team-a");
        assertThat(manager.get("/api/v1/reports/summary?" + DAY).get("followUps").asInt()).isEqualTo(3);
        assertThat(manager.get("/api/v1/reports/summary?repId=rep-a2&" + DAY).get("followUps").asInt()).isEqualTo(1);
        assertThat(manager.get("/api/v1/sources").toString()).isEqualTo("{\"rows\":[\"expo-team-a\"]}");
        assertThat(admin.get("/api/v1/sources").toString()).isEqualTo("{\"rows\":[\"expo-team-a\",\"expo-team-b\"]}");
        for (String path : List.of("/api/v1/reports/rep-activity?teamId=team-b&" + DAY, "/api/v1/reports/summary?teamId=team-b&" + DAY,
                "/api/v1/reports/stale-customers?teamId=team-b", "/api/v1/alerts/digest?teamId=team-b",
                "/api/v1/reports/funnel?teamId=team-b&" + DAY, "/api/v1/exports/stage-conversion?teamId=team-b&" + DAY,
                "/api/v1/reports/lost-reasons?teamId=team-b&" + DAY, "/api/v1/reports/lost-reasons/customers?teamId=team-b&" + DAY,
                "/api/v1/exports/lost-reasons?teamId=team-b&" + DAY, "/api/v1/reports/cycle-length?teamId=team-b&" + DAY,
                "/api/v1/reports/velocity?teamId=team-b&" + DAY, "/api/v1/reports/forecast?teamId=team-b&" + DAY,
                "/api/v1/alerts/reminder?teamId=team-b", "/api/v1/alerts/backtest?teamId=team-b",
                "/api/v1/exports/rep-activity?teamId=team-b&" + DAY, "/api/v1/exports/stale-customers?teamId=team-b",
                "/api/v1/exports/forecast?teamId=team-b&" + DAY, "/api/v1/exports/cycle-length?teamId=team-b&" + DAY,
                "/api/v1/drill/follow-ups?teamId=team-b&" + DAY, "/api/v1/drill/sales?teamId=team-b&" + DAY,
                "/api/v1/drill/funnel?measure=all&teamId=team-b&" + DAY,
                "/api/v1/exports/drill/follow-ups?teamId=team-b&" + DAY, "/api/v1/drill/reps?teamId=team-b&" + DAY,
                "/api/v1/drill/teams?teamId=team-b&" + DAY, "/api/v1/drill/touches?teamId=team-b&" + DAY,
                "/api/v1/exports/drill/touches?teamId=team-b&" + DAY, "/api/v1/drill/new-customers?teamId=team-b&" + DAY,
                "/api/v1/exports/lost-reasons/customers?teamId=team-b&" + DAY,
                "/api/v1/exports/cycle-length/customers?outcome=won&teamId=team-b&" + DAY,
                "/api/v1/exports/forecast/customers?month=2026-11&teamId=team-b&" + DAY,
                "/api/v1/drill/funnel?measure=with_sale&teamId=team-b&" + DAY,
                "/api/v1/drill/stage-transitions?fromStage=LEAD&toStage=LOST&teamId=team-b&" + DAY,
                "/api/v1/exports/drill/stage-transitions?fromStage=LEAD&toStage=LOST&teamId=team-b&" + DAY,
                "/api/v1/drill/time-in-stage?stage=LEAD&teamId=team-b&" + DAY,
                "/api/v1/exports/drill/time-in-stage?stage=LEAD&teamId=team-b&" + DAY,
                "/api/v1/drill/won-sales?teamId=team-b&" + DAY, "/api/v1/drill/cohort-sales?teamId=team-b&" + DAY,
                "/api/v1/exports/drill/cohort-sales?teamId=team-b&" + DAY,
                "/api/v1/reports/forecast/stage-probabilities/customers?stage=QUALIFIED&teamId=team-b",
                "/api/v1/exports/forecast/stage-probabilities/customers?stage=QUALIFIED&teamId=team-b",
                "/api/v1/reports/duplicates?teamId=team-b", "/api/v1/reports/duplicates/counts?teamId=team-b",
                "/api/v1/reports/stale-customers?teamId=team-b&source=expo-team-b",
                "/api/v1/exports/stale-customers?teamId=team-b&source=expo-team-b")) {
            assertThat(manager.getReport(path).status()).as(path).isEqualTo(403);
        }
        // the filter bar's source narrows within the scope: another team's source finds nothing of it
        assertThat(customers(manager.get("/api/v1/reports/stale-customers?source=expo-team-a")))
                .containsExactlyInAnyOrder("c-a1-1", "c-a1-2", "c-a2-1");
        assertThat(manager.get("/api/v1/reports/stale-customers?source=expo-team-b").get("rows")).isEmpty();
        assertThat(customers(admin.get("/api/v1/reports/stale-customers?source=expo-team-b")))
                .containsExactlyInAnyOrder("c-b1-1", "c-b1-2");
        assertThat(manager.get("/api/v1/reports/duplicates?source=expo-team-b").get("rows")).isEmpty();
        assertThat(manager.get("/api/v1/reports/duplicates/counts?source=expo-team-a").get("total").asInt()).isEqualTo(1);
        assertThat(admin.get("/api/v1/reports/duplicates?teamId=team-b").get("rows")).hasSize(1);
        assertThat(admin.get("/api/v1/reports/duplicates/counts?repId=rep-a2").get("total").asInt()).isEqualTo(1);
        // a rep of another team, asked for by id, is filtered out in the query
        assertThat(manager.get("/api/v1/followups?repId=rep-b1").get("rows")).isEmpty();
        assertThat(manager.get("/api/v1/followups?customerId=c-b1-1").get("rows")).isEmpty();
        assertThat(customers(manager.get("/api/v1/reports/stale-customers"))).containsExactlyInAnyOrder("c-a1-1", "c-a1-2", "c-a2-1");
        assertThat(manager.get("/api/v1/reports/duplicates").get("rows")).hasSize(1);
        assertThat(manager.get("/api/v1/reports/funnel?" + DAY).get("customers").asInt()).isEqualTo(3);
        // the with-sale list behind the rep conversion: team-a's c-a1-1, not team-b's c-b1-1
        assertThat(customers(manager.get("/api/v1/drill/funnel?measure=with_sale&" + DAY))).containsExactly("c-a1-1");
        // the list behind the manager's follow-up card is as long as the card, and holds only the team's
        assertThat(manager.get("/api/v1/drill/follow-ups?" + DAY).get("total").asInt()).isEqualTo(3);
        // and the reps, teams and touches behind the active-reps, teams and touches cards: the team's two reps
        assertThat(manager.get("/api/v1/drill/reps?" + DAY).get("rows")).extracting(r -> r.get("id").asString())
                .containsExactly("rep-a1", "rep-a2");
        assertThat(manager.get("/api/v1/drill/teams?" + DAY).get("total").asInt()).isEqualTo(1);
        assertThat(manager.get("/api/v1/drill/touches?" + DAY).get("total").asInt()).isEqualTo(3);
        // the cockpit's reports read the follow-up facts, filtered to the team in SQL: its three open customers
        assertThat(manager.get("/api/v1/reports/velocity?" + DAY).get("openCustomers").asInt()).isEqualTo(3);
        // the backtest counts the team's customers only: its three QUALIFIED customers of 11-03, stale 7 days later
        JsonNode backtest = manager.get("/api/v1/alerts/backtest?stale=QUALIFIED:P7D&ladder=&from=2026-11-02&to=2026-11-15");
        assertThat(backtest.get("teams")).extracting(r -> r.get("teamId").asString() + " " + r.get("alerts").asInt())
                .containsExactly("team-a 3");
    }

    @Test
    void shouldLetAManagerDismissOnlyTheirTeamsFlagsAndNobodyWhoOnlyReads() {
        JsonNode flags = admin.get("/api/v1/reports/duplicates").get("rows");
        String teamAFlag = null;
        String teamBFlag = null;
        for (JsonNode flag : flags) {
            if (flag.get("repIds").toString().contains("rep-b1")) {
                teamBFlag = flag.get("flagId").asString();
            } else {
                teamAFlag = flag.get("flagId").asString();
            }
        }
        String reason = "{\"reason\":\"checked\"}";
        assertThat(callers.get("BI").postReport("/api/v1/reports/duplicates/" + teamAFlag + "/dismiss", reason).status())
                .isEqualTo(403);
        assertThat(callers.get("REP").postReport("/api/v1/reports/duplicates/" + teamAFlag + "/dismiss", reason).status())
                .isEqualTo(403);
        assertThat(callers.get("MANAGER").postReport("/api/v1/reports/duplicates/" + teamBFlag + "/dismiss", reason).status())
                .as("another team's flag is not found").isEqualTo(404);
        PulseClient.Response dismissed = callers.get("MANAGER")
                .postReport("/api/v1/reports/duplicates/" + teamAFlag + "/dismiss", reason);
        assertThat(dismissed.status()).isEqualTo(200);
        assertThat(dismissed.body().get("dismissedBy").asString()).isEqualTo("token:manager-team-a");
        assertThat(admin.get("/api/v1/reports/duplicates?status=DISMISSED").get("rows")).hasSize(1);
    }

    @Test
    void shouldLetAManagerSetTheirTeamsGoalsAnAdminAnyAndShowEachCallerTheirScopesGoals() {
        String monday = LocalDate.now(ZoneId.of("Asia/Shanghai")).with(DayOfWeek.MONDAY).toString();
        String teamA = goal("rep-a1", "team-a", monday, "20");
        // only managers and admins write: the others are refused before the body is read
        Map.of("BI", 403, "REP", 403, "INGEST", 403, "none", 401).forEach((role, status) ->
                assertThat(callers.get(role).sendReport("POST", "/api/v1/goals", teamA).status()).as(role).isEqualTo(status));
        PulseClient manager = callers.get("MANAGER");
        PulseClient.Response set = manager.sendReport("POST", "/api/v1/goals", teamA);
        assertThat(set.status()).isEqualTo(201);
        // another team, or a rep not seen working in the manager's team: 403 (A008, G009)
        assertThat(manager.sendReport("POST", "/api/v1/goals", goal("rep-b1", "team-b", monday, "5")).body().get("code")
                .asString()).isEqualTo("PULSE-A008");
        assertThat(manager.sendReport("POST", "/api/v1/goals", goal("rep-b1", "team-a", monday, "5")).body().get("code")
                .asString()).isEqualTo("PULSE-G009");
        PulseClient.Response teamB = admin.sendReport("POST", "/api/v1/goals", goal("rep-b1", "team-b", monday, "7"));
        assertThat(teamB.status()).isEqualTo(201);
        String teamBGoal = "/api/v1/goals/" + teamB.body().get("goalId").asString();

        // each caller reads the goals of their scope only
        assertThat(reps(admin.get("/api/v1/goals"))).containsExactlyInAnyOrder("rep-a1", "rep-b1");
        assertThat(reps(manager.get("/api/v1/goals"))).containsExactly("rep-a1");
        assertThat(reps(callers.get("REP").get("/api/v1/goals"))).containsExactly("rep-a1");
        assertThat(callers.get("REP").get("/api/v1/reports/goals/attainment").get("rows")).singleElement()
                .satisfies(row -> assertThat(row.get("repId").asString()).isEqualTo("rep-a1"));
        assertThat(manager.getReport("/api/v1/reports/goals/leaderboard?teamId=team-b&metric=FOLLOW_UPS_PER_WEEK").status())
                .isEqualTo(403);
        // a manager cannot change or remove another team's goal: it is not found for them; the admin can
        assertThat(manager.sendReport("PUT", teamBGoal, goal("rep-b1", "team-b", monday, "9")).status()).isEqualTo(404);
        assertThat(manager.sendReport("DELETE", teamBGoal, null).status()).isEqualTo(404);
        assertThat(callers.get("BI").sendReport("DELETE", teamBGoal, null).status()).isEqualTo(403);
        assertThat(admin.sendReport("DELETE", teamBGoal, null).status()).isEqualTo(204);
        assertThat(manager.sendReport("DELETE", "/api/v1/goals/" + set.body().get("goalId").asString(), null).status())
                .isEqualTo(204);
    }

    private static String goal(String rep, String team, String monday, String target) {
        return "{\"scope\":\"REP\",\"repId\":\"" + rep + "\",\"teamId\":\"" + team
                + "\",\"metric\":\"FOLLOW_UPS_PER_WEEK\",\"periodStart\":\"" + monday + "\",\"target\":\"" + target + "\"}";
    }

    @Test
    void shouldRefuseTheStreamToCallersWithoutAReadingRole() throws Exception {
        assertThat(streamStatus(null)).isEqualTo(401);
        assertThat(streamStatus(tokenOf("INGEST"))).isEqualTo(403);
        assertThat(streamStatus(tokenOf("REP"))).isEqualTo(200);
    }

    @Test
    void shouldTellAStreamOnlyOfChangesInItsCallersScope() throws Exception {
        List<String> repEvents = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> adminEvents = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread repStream = listen(tokenOf("REP"), repEvents);
        Thread adminStream = listen(stack.settings().credentials().adminToken(), adminEvents);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> repEvents.contains("hello") && adminEvents.contains("hello"));
            // another team's follow-up: the admin hears of it, rep-a1 does not
            // (won, on another day: no alert, and no figure the other tests read changes)
            postWon("c-b1-3", "rep-b1", "team-b", "13900000201");
            await().atMost(Duration.ofSeconds(30)).until(() -> adminEvents.contains("activity"));
            Thread.sleep(2_000); // the rep's stream had as long as the admin's, and more
            assertThat(repEvents).doesNotContain("activity");
            // their own follow-up: both hear of it
            postWon("c-a1-3", "rep-a1", "team-a", "13900000202");
            await().atMost(Duration.ofSeconds(30)).until(() -> repEvents.contains("activity"));
        } finally {
            repStream.interrupt();
            adminStream.interrupt();
        }
    }

    /** Reads the event names of a live stream into {@code events} until interrupted. */
    private static Thread listen(String token, List<String> events) {
        return Thread.ofPlatform().daemon().start(() -> {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + stack.reportPort() + "/api/v1/live"))
                        .header("Authorization", "Bearer " + token).build();
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines()).body()
                        .filter(line -> line.startsWith("event:"))
                        .forEach(line -> events.add(line.substring("event:".length()).strip()));
            } catch (Exception e) {
                // interrupted or closed: the test is over
            }
        });
    }

    @Test
    void shouldAuditExportsAndTokenChangesAndRevokeAtOnce() {
        PulseClient bi = admin.as(issue(Map.of("role", "BI", "name", "audited-bi")));
        assertThat(bi.getReport("/api/v1/exports/stage-conversion?format=csv&groupBy=team&" + DAY).status()).isEqualTo(200);
        JsonNode audit = admin.get("/api/v1/admin/audit?limit=50").get("rows");
        assertThat(audit).anySatisfy(entry -> {
            assertThat(entry.get("actor").asString()).isEqualTo("token:audited-bi");
            assertThat(entry.get("action").asString()).isEqualTo("export.stage-conversion");
            assertThat(entry.get("details").asString()).contains("\"groupBy\":\"team\"").contains("\"from\":\"2026-11-03\"");
        });
        assertThat(audit).anySatisfy(entry -> {
            assertThat(entry.get("action").asString()).isEqualTo("token.create");
            assertThat(entry.get("target").asString()).isEqualTo("audited-bi");
            assertThat(entry.get("actor").asString()).isEqualTo("token:admin");
        });

        String tokenId = null;
        for (JsonNode token : admin.get("/api/v1/admin/tokens").get("rows")) {
            assertThat(token.has("token")).as("no secret is ever listed").isFalse();
            if (token.get("name").asString().equals("audited-bi")) {
                tokenId = token.get("tokenId").asString();
            }
        }
        assertThat(admin.sendReport("DELETE", "/api/v1/admin/tokens/" + tokenId, null).status()).isEqualTo(204);
        assertThat(bi.getReport("/api/v1/pipeline").status()).isEqualTo(401);
        assertThat(admin.sendReport("DELETE", "/api/v1/admin/tokens/" + tokenId, null).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/admin/audit?limit=5").get("rows").get(0).get("action").asString()).isEqualTo("token.revoke");
    }

    @Test
    void shouldLetOnlyManagersAndAdminsUploadSheetsAndTellACallerWithoutATokenToAuthenticate() {
        Map<String, Integer> expected = Map.of("none", 401, "INGEST", 403, "BI", 403, "REP", 403);
        expected.forEach((role, status) -> assertThat(
                callers.get(role).sendReport("POST", "/api/v1/imports?dryRun=true", "{}").status()).as(role).isEqualTo(status));
        for (String role : List.of("MANAGER", "ADMIN")) {
            // allowed in, then refused for what was sent: not a multipart upload
            int status = callers.get(role).sendReport("POST", "/api/v1/imports?dryRun=true", "{}").status();
            assertThat(status).as(role).isBetween(400, 415).isNotEqualTo(401).isNotEqualTo(403);
        }
        assertThat(callers.get("none").postReport("/api/v1/reports/duplicates/" + UUID.randomUUID() + "/dismiss",
                "{\"reason\":\"x\"}").status()).isEqualTo(401);
    }

    @Test
    void shouldRefuseTokenRequestsThatDoNotFitTheRole() {
        for (Map<String, String> bad : List.of(Map.of("role", "REP"), Map.of("role", "MANAGER"),
                Map.of("role", "BI", "repId", "rep-a1"), Map.of("role", "ROOT"), Map.of("role", "REP", "repId", "'; drop table api_token; --"))) {
            PulseClient.Response response = admin.sendReport("POST", "/api/v1/admin/tokens", json(bad));
            assertThat(response.status()).as("%s", bad).isEqualTo(400);
        }
        assertThat(callers.get("MANAGER").sendReport("POST", "/api/v1/admin/tokens", json(Map.of("role", "ADMIN"))).status())
                .isEqualTo(403);
    }

    private static void expect(List<String> failures, String path, Map<String, Integer> statusByRole) {
        statusByRole.forEach((role, expected) -> {
            int actual = callers.get(role).getReport(path).status();
            if (actual != expected) {
                failures.add(role + " GET " + path + ": " + actual + " instead of " + expected);
            }
        });
    }

    private static int streamStatus(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + stack.reportPort() + "/api/v1/live"))
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        // the headers are enough; the stream itself never ends
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response.statusCode();
    }

    private static final Map<String, String> TOKENS = new LinkedHashMap<>();

    private static String tokenOf(String role) {
        return TOKENS.get(role);
    }

    private static String issue(Map<String, String> request) {
        PulseClient.Response response = admin.sendReport("POST", "/api/v1/admin/tokens", json(request));
        assertThat(response.status()).as("%s", response.body()).isEqualTo(201);
        String token = response.body().get("token").asString();
        TOKENS.putIfAbsent(request.get("role"), token);
        return token;
    }

    private static String json(Map<String, String> map) {
        return dev.pulse.events.Json.MAPPER.writeValueAsString(map);
    }

    private static void post(String customerId, String repId, String teamId, String phone, String occurredAt) {
        PulseClient.Response response = admin.post("/api/v1/followups", followUp(customerId, repId, teamId, phone, occurredAt));
        assertThat(response.status()).as("%s", response.body()).isEqualTo(202);
    }

    private static void postWon(String customerId, String repId, String teamId, String phone) {
        String won = followUp(customerId, repId, teamId, phone, "2026-11-10T02:00:00Z").replace("QUALIFIED", "WON");
        assertThat(admin.post("/api/v1/followups", won).status()).isEqualTo(202);
    }

    private static String followUp(String customerId, String repId, String teamId, String phone, String occurredAt) {
        return """
                {"eventId":"%s","customerId":"%s","customerName":"客户 %s","phone":"%s","repId":"%s","teamId":"%s",
                 "occurredAt":"%s","channel":"PHONE","content":"电话沟通","stage":"QUALIFIED","source":"expo-%s"}"""
                .formatted(UUID.randomUUID(), customerId, customerId, phone, repId, teamId, occurredAt, teamId);
    }

    private static List<String> reps(JsonNode rows) {
        return rows.get("rows").valueStream().map(r -> r.get("repId").asString()).sorted().toList();
    }

    private static List<String> customers(JsonNode rows) {
        return rows.get("rows").valueStream().map(r -> r.get("customerId").asString()).toList();
    }
}
