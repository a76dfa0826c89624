package dev.pulse.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.events.Json;
import dev.pulse.launcher.Ports;
import dev.pulse.launcher.stack.PulseStack;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Stale and overdue alerts end to end on the embedded broker and PostgreSQL, with a local webhook
 * receiver. The processor checks the wall clock every 2 s here; nothing is posted to make an alert
 * fire: the silence itself does it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertsEndToEndIT {

    private static WebhookReceiver receiver;
    private static PulseStack stack;
    private static PulseClient client;
    private static Instant postedAt;

    @BeforeAll
    static void startPulse() {
        receiver = new WebhookReceiver();
        receiver.failFirst("/flaky", 3);
        int nobodyListens = Ports.freePort();
        stack = EmbeddedStack.start(EmbeddedStack.settingsFor("alerts", List.of(
                receiver.url("/ok"), receiver.url("/flaky"), "wecom=" + receiver.url("/wecom"),
                "http://localhost:" + nobodyListens + "/down")));
        client = new PulseClient(stack);
    }

    @AfterAll
    static void stopPulse() {
        stack.close();
        receiver.close();
    }

    @Test
    @Order(1)
    void shouldOpenAStaleAlertWithinTheCheckIntervalAndPostItWithNoFurtherEvents() {
        Instant twentyDaysAgo = Instant.now().minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        post("s-won", "WON", twentyDaysAgo, null);
        post("s-1", "LEAD", twentyDaysAgo, null);
        postedAt = Instant.now();

        await().atMost(Duration.ofSeconds(20)).until(() -> !messages("/ok", "s-1").isEmpty());
        long millis = Duration.between(postedAt, Instant.now()).toMillis();
        assertThat(millis).as("from posting to the webhook, check interval 2 s").isLessThan(15_000);

        JsonNode row = staleRow("s-1");
        assertThat(row.get("kind").asString()).isEqualTo("STALE");
        assertThat(row.get("stage").asString()).isEqualTo("LEAD");
        assertThat(row.get("thresholdDays").asDouble()).isEqualTo(14.0);
        assertThat(row.get("daysSince").asDouble()).isBetween(20.0, 20.1);
        JsonNode open = messages("/ok", "s-1").getFirst();
        assertThat(open.get("event").asString()).isEqualTo("OPEN");
        assertThat(open.get("alertId").asString()).isEqualTo(row.get("alertId").asString());
    }

    @Test
    @Order(2)
    void shouldNeverAlertForAClosedCustomer() {
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> staleRowOrNull("s-won") == null);
        assertThat(messages("/ok", "s-won")).isEmpty();
    }

    @Test
    @Order(3)
    void shouldDeliverToAReceiverThatFailsThreeTimesAndToRobotFormats() {
        String alertId = staleRow("s-1").get("alertId").asString();
        await().atMost(Duration.ofSeconds(40)).until(() -> !receiver.accepted("/flaky").isEmpty());
        assertThat(receiver.attempts("/flaky")).isGreaterThanOrEqualTo(4);
        assertThat(receiver.accepted("/flaky").getFirst()).contains(alertId);
        await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.accepted("/wecom").isEmpty());
        JsonNode wecom = Json.MAPPER.readTree(receiver.accepted("/wecom").getFirst());
        assertThat(wecom.get("msgtype").asString()).isEqualTo("markdown");
        assertThat(wecom.get("markdown").get("content").asString()).contains(alertId).contains("客户 s-1");
    }

    @Test
    @Order(4)
    void shouldResolveOnAFollowUpAndReportOverdue() {
        String alertId = staleRow("s-1").get("alertId").asString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        post("s-1", "QUALIFIED", now.minusSeconds(60), null);
        post("s-2", "QUALIFIED", now.minus(1, ChronoUnit.DAYS), now.minus(1, ChronoUnit.HOURS));

        await().atMost(Duration.ofSeconds(30)).until(() -> messages("/ok", "s-1").stream()
                .anyMatch(m -> m.get("event").asString().equals("RESOLVED")));
        JsonNode resolved = messages("/ok", "s-1").stream().filter(m -> m.get("event").asString().equals("RESOLVED"))
                .findFirst().orElseThrow();
        assertThat(resolved.get("alertId").asString()).isEqualTo(alertId);
        assertThat(resolved.get("alert").get("resolution").asString()).isEqualTo("FOLLOWED_UP");
        await().atMost(Duration.ofSeconds(30)).until(() -> staleRowOrNull("s-1") == null);
        assertThat(client.get("/api/v1/alerts?status=RESOLVED&customerId=s-1").get("rows").get(0).get("alertId").asString())
                .isEqualTo(alertId);

        await().atMost(Duration.ofSeconds(30)).until(() -> staleRowOrNull("s-2") != null);
        assertThat(staleRow("s-2").get("kind").asString()).isEqualTo("OVERDUE");
        JsonNode digest = client.get("/api/v1/alerts/digest?repId=rep-s");
        assertThat(StreamSupport.stream(digest.get("rows").spliterator(), false).map(r -> r.get("customerId").asString()))
                .containsExactly("s-2");
    }

    private static void post(String customerId, String stage, Instant at, Instant next) {
        String json = """
                {"eventId":"%s","customerId":"%s","customerName":"客户 %s","phone":"1390000%s",
                 "repId":"rep-s","teamId":"team-s","occurredAt":"%s","channel":"PHONE","content":"跟进",
                 "stage":"%s"%s%s}""".formatted(UUID.randomUUID(), customerId, customerId,
                String.format("%04d", Math.abs(customerId.hashCode()) % 10_000), at, stage,
                next == null ? "" : ",\"nextFollowUpAt\":\"" + next + "\"",
                stage.equals("LOST") ? ",\"lostReason\":\"预算不足\"" : "");
        var response = client.post("/api/v1/followups", json);
        assertThat(response.status()).as("%s", response.body()).isEqualTo(202);
    }

    private static List<JsonNode> messages(String path, String customerId) {
        return receiver.accepted(path).stream().map(Json.MAPPER::readTree)
                .filter(m -> m.get("alert").get("customerId").asString().equals(customerId)).toList();
    }

    private static JsonNode staleRow(String customerId) {
        JsonNode row = staleRowOrNull(customerId);
        assertThat(row).as("open alert of %s", customerId).isNotNull();
        return row;
    }

    private static JsonNode staleRowOrNull(String customerId) {
        return StreamSupport.stream(client.get("/api/v1/reports/stale-customers").get("rows").spliterator(), false)
                .filter(r -> r.get("customerId").asString().equals(customerId)).findFirst().orElse(null);
    }
}
