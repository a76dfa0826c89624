package dev.pulse.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.events.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The escalation ladder and the 公海 pool on the whole stack and the wall clock: LEAD goes stale
 * after its default 14 days, the ladder here is {@code LEAD:PT3S/PT3S} (the manager 3 s after the
 * stale crossing, the pool 3 s after that), the processor checks every 2 s, and a rep may claim one
 * pool customer a day. Three customers of rep-p (team-p) were last called 14 days minus 2 s ago, so
 * nothing but the clock moves them up the ladder; then other reps claim them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PoolEndToEndIT {

    @RegisterExtension
    static final StackSession session = StackSession.of("pool",
            "--pulse.processor.ladder=LEAD:PT3S/PT3S", "--pulse.ingest.pool-claims-per-day=1");

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String FORMULA_NAME = "=HYPERLINK(\"http://x.example\")";
    private static final String HOSTILE_NAME = "<img src=x onerror=alert(1)>";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static Instant lastCall;

    @Test
    @Order(1)
    void shouldClimbToTheManagerAndThenThePoolOnTheWallClockAndListAndExportThePool() throws Exception {
        // given: three LEADs whose 14 days of silence end 2 s from now
        lastCall = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(14, ChronoUnit.DAYS).plusSeconds(2);
        post("p-1", "王芳", "rep-p", "team-p", lastCall);
        post("p-2", FORMULA_NAME, "rep-p", "team-p", lastCall);
        post("p-3", HOSTILE_NAME, "rep-p", "team-p", lastCall);

        // when: nothing is sent; the clock alone moves them (the release and the end of the earlier
        // steps are one transaction of the processor, but land on several partitions: wait for both)
        await().atMost(Duration.ofSeconds(90)).until(() -> pool().size() == 3
                && session.client().get("/api/v1/alerts?status=OPEN").get("rows").size() == 3);

        // then: each climbed rep -> manager -> pool, each step opened no earlier than it fell due
        Instant staleDue = lastCall.plus(14, ChronoUnit.DAYS);
        JsonNode steps = session.client().get("/api/v1/alerts?customerId=p-1");
        JsonNode stale = step(steps, "STALE");
        JsonNode escalated = step(steps, "ESCALATED");
        JsonNode released = step(steps, "RELEASED");
        assertThat(Instant.parse(stale.get("openedAt").asString())).isAfter(staleDue);
        assertThat(Instant.parse(escalated.get("openedAt").asString())).isAfter(staleDue.plusSeconds(3));
        assertThat(Instant.parse(released.get("openedAt").asString())).isAfter(staleDue.plusSeconds(6));
        assertThat(List.of(stale, escalated)).allSatisfy(alert -> {
            assertThat(alert.get("status").asString()).isEqualTo("RESOLVED");
            assertThat(alert.get("resolution").asString()).isEqualTo("RELEASED");
        });
        assertThat(released.get("status").asString()).isEqualTo("OPEN");
        // a pool customer is no rep's to call any more
        assertThat(session.client().get("/api/v1/reports/stale-customers?repId=rep-p").get("rows")).isEmpty();

        // and the pool lists them, longest there first, released from rep-p of team-p
        List<JsonNode> rows = pool();
        assertThat(rows).extracting(row -> row.get("customerId").asString()).containsExactlyInAnyOrder("p-1", "p-2", "p-3");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("releasedFromRepId").asString()).isEqualTo("rep-p");
            assertThat(row.get("teamId").asString()).isEqualTo("team-p");
            assertThat(row.get("stage").asString()).isEqualTo("LEAD");
            assertThat(row.get("daysSince").asDouble()).isEqualTo(14.0);
        });

        // the CSV: a BOM, the header, a formula-looking name kept as text
        HttpResponse<byte[]> csv = raw("/api/v1/exports/pool?format=csv", "en");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        byte[] body = csv.body();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.getFirst()).isEqualTo("customer_id,customer_name,stage,released_from_rep,team,last_follow_up_at,"
                + "released_at,days_since_follow_up");
        String day = lastCall.atZone(SHANGHAI).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString().replace('T', ' ');
        assertThat(lines).hasSize(4)
                .anySatisfy(line -> assertThat(line).startsWith("p-1,王芳,LEAD,rep-p,team-p," + day + ","))
                .anySatisfy(line -> assertThat(line).startsWith("p-2,\"'=HYPERLINK(\"\"http://x.example\"\")\",LEAD,"));
        HttpResponse<byte[]> xlsx = raw("/api/v1/exports/pool?format=xlsx", "en");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(new String(Arrays.copyOf(xlsx.body(), 2), StandardCharsets.US_ASCII)).isEqualTo("PK");
    }

    @Test
    @Order(2)
    void shouldLetTheNextRepClaimAPoolCustomerAndRefuseASecondClaimOfTheDay() throws Exception {
        // when: rep-q of team-q calls p-1
        post("p-1", "王芳", "rep-q", "team-q", Instant.now().truncatedTo(ChronoUnit.SECONDS));

        // then: p-1 leaves the pool, claimed by rep-q, who owns it in the reports from now on
        await().atMost(Duration.ofSeconds(30)).until(() -> pool().size() == 2);
        JsonNode claimed = step(session.client().get("/api/v1/alerts?customerId=p-1"), "RELEASED");
        assertThat(claimed.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(claimed.get("resolution").asString()).isEqualTo("CLAIMED");
        assertThat(claimed.get("claimedBy").asString()).isEqualTo("rep-q");
        String cohort = "from=" + LocalDate.ofInstant(lastCall, SHANGHAI) + "&to=" + LocalDate.now(SHANGHAI);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(session.client().get("/api/v1/reports/funnel?repId=rep-q&" + cohort).get("customers").asInt()).isEqualTo(1);
            assertThat(session.client().get("/api/v1/reports/funnel?repId=rep-p&" + cohort).get("customers").asInt()).isEqualTo(2);
        });

        // when: rep-q tries a second pool customer the same day
        String second = followUp("p-2", FORMULA_NAME, "rep-q", "team-q", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        HttpResponse<byte[]> refused = postRaw(second, "zh-CN");

        // then: 409, the catalogue's code and Chinese text; nothing was written, p-2 stays in the pool
        assertThat(refused.statusCode()).isEqualTo(409);
        JsonNode problem = Json.MAPPER.readTree(refused.body());
        JsonNode error = problem.get("errors").get(0);
        assertThat(error.get("code").asString()).isEqualTo("PULSE-P001");
        assertThat(error.get("field").asString()).isEqualTo("repId");
        assertThat(error.get("index").asInt()).isZero();
        assertThat(error.get("message").asString()).isEqualTo("销售 rep-q 今天已认领 1 个公海客户，已达每日上限：客户 p-2 仍留在公海");
        JsonNode english = Json.MAPPER.readTree(postRaw(second, "en").body()).get("errors").get(0);
        assertThat(english.get("message").asString())
                .isEqualTo("rep rep-q has already claimed 1 pool customer(s) today, the daily limit: customer p-2 stays in the pool");
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
                .until(() -> pool().stream().anyMatch(row -> row.get("customerId").asString().equals("p-2")));

        // and another rep may still claim it
        post("p-2", FORMULA_NAME, "rep-r", "team-q", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        await().atMost(Duration.ofSeconds(30)).until(() -> pool().size() == 1);
    }

    @Test
    @Order(3)
    void shouldDrawThePoolPageWithItsTableAndChartAndDropAClaimedCustomerLive() {
        ChromeDriver browser = Browser.start();
        try {
            Browser.signInAsAdmin(browser, session.stack(), session.client(), "pool-admin");
            browser.get("http://localhost:" + session.stack().reportPort() + "/pool.html");
            var wait = new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class);

            // one customer left, drawn in the table and the chart; its name is text, never markup
            wait.until(d -> tableRows(browser) == 1 && charted(browser) == 1);
            assertThat(browser.findElement(By.tagName("body")).getAttribute("data-state")).isEqualTo("ready");
            assertThat(browser.findElement(By.id("pool-table")).getText()).contains(HOSTILE_NAME).contains("rep-p");
            assertThat(browser.findElement(By.id("export-csv")).getAttribute("href")).endsWith("/api/v1/exports/pool?format=csv");
            // its team's bar lists the pool customers it counts: the one, with the export cut to that team
            Drilling.clickPoint(browser, "chart-by-team", "byTeam", 0, 0);
            // chosen in the shared filter bar, which keeps it in the URL as team=
            wait.until(d -> d.getCurrentUrl().contains("team=team-p") && tableRows(browser) == 1);
            assertThat(browser.findElement(By.id("export-csv")).getAttribute("href")).contains("teamId=team-p");

            // when rep-s claims it, the page empties without a reload
            ((JavascriptExecutor) browser).executeScript("window.pulseNotReloaded = true;");
            post("p-3", "客户三", "rep-s", "team-q", Instant.now().truncatedTo(ChronoUnit.SECONDS));
            wait.until(d -> charted(browser) == 0 && tableRows(browser) == 0);
            assertThat(((JavascriptExecutor) browser).executeScript("return window.pulseNotReloaded === true;")).isEqualTo(true);
            assertThat(browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList())
                    .as("browser console errors").isEmpty();
            assertThat(ExpectedConditions.alertIsPresent().apply(browser)).as("no script from user text ran").isNull();
        } finally {
            browser.quit();
        }
    }

    private static long tableRows(ChromeDriver browser) {
        return browser.findElements(By.cssSelector("#pool-table-body tr")).stream()
                .filter(row -> row.findElements(By.cssSelector("td.empty")).isEmpty()).count();
    }

    /** Sum of the pool-per-team chart, read from ECharts itself. */
    private static long charted(ChromeDriver browser) {
        Object total = ((JavascriptExecutor) browser).executeScript("""
                const chart = window.pulseCharts && window.pulseCharts.byTeam;
                if (!chart) return -1;
                return (chart.getOption().series[0].data || []).reduce((sum, v) => sum + (Number(v) || 0), 0);""");
        return ((Number) total).longValue();
    }

    private static JsonNode step(JsonNode alerts, String kind) {
        return StreamSupport.stream(alerts.get("rows").spliterator(), false)
                .filter(row -> row.get("kind").asString().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " alert in " + alerts));
    }

    private static List<JsonNode> pool() {
        return StreamSupport.stream(session.client().get("/api/v1/reports/pool").get("rows").spliterator(), false).toList();
    }

    private static String followUp(String customerId, String name, String repId, String teamId, Instant at) {
        return Json.MAPPER.writeValueAsString(java.util.Map.of("eventId", UUID.randomUUID().toString(),
                "customerId", customerId, "customerName", name, "phone", "1390000" + "%04d".formatted(Math.abs(customerId.hashCode()) % 10_000),
                "repId", repId, "teamId", teamId, "occurredAt", at.toString(), "channel", "PHONE",
                "content", "电话跟进", "stage", "LEAD"));
    }

    private static void post(String customerId, String name, String repId, String teamId, Instant at) {
        var response = session.client().post("/api/v1/followups", followUp(customerId, name, repId, teamId, at));
        assertThat(response.status()).as("%s", response.body()).isEqualTo(202);
    }

    private static HttpResponse<byte[]> postRaw(String json, String language) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + session.stack().ingestPort() + "/api/v1/followups"))
                .header("Authorization", "Bearer " + session.stack().settings().credentials().adminToken())
                .header("Content-Type", "application/json").header("Accept-Language", language)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> raw(String path, String language) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + session.stack().reportPort() + path))
                .header("Authorization", "Bearer " + session.stack().settings().credentials().adminToken())
                .header("Accept-Language", language).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
