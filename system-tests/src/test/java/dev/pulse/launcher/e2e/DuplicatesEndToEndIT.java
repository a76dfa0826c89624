package dev.pulse.launcher.e2e;

import static dev.pulse.launcher.e2e.FollowUps.followUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.launcher.stack.PulseStack;
import dev.pulse.launcher.stack.StackSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * Duplicate flags end to end, on the embedded broker and PostgreSQL. Posted (all times UTC):
 * <pre>
 * c1 rep-1 2026-11-10T01:00 phone "+86 139-1111-2222" email "c1@x.com"
 * c2 rep-2 2026-11-10T02:00 phone "13911112222"          -> DUPLICATE_CUSTOMER phone:13911112222 [c1, c2]
 * c3 rep-3 2026-11-10T03:00 email " C1@X.com"            -> DUPLICATE_CUSTOMER email:c1@x.com    [c1, c3]
 * c4 rep-1 2026-11-01, rep-2 2026-11-20 (19 days apart)  -> MULTI_REP c4 [rep-1, rep-2]
 * c5 rep-1 2026-09-01, rep-2 2026-10-15 (44 days apart)  -> nothing (window 30 days)
 * c6 rep-1 2026-11-10T05:00:10 "报价  已发送", again with a new eventId at 05:00:50 " 报价 已发送 "
 *                                                        -> DUPLICATE_ENTRY, not counted
 * c6's first event resubmitted with its eventId          -> a retry: nothing
 * </pre>
 * So rep-1 on 2026-11-10 (Shanghai) has exactly 2 follow-ups (c1, c6) and 2 customers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DuplicatesEndToEndIT {

    private static final String PHONE_KEY = "phone:13911112222";

    private static PulseStack stack;
    private static PulseClient client;

    @BeforeAll
    static void startPulse() {
        StackSettings settings = EmbeddedStack.settingsFor("duplicates");
        stack = EmbeddedStack.start(settings);
        client = new PulseClient(stack);
    }

    @AfterAll
    static void stopPulse() {
        stack.close();
    }

    @Test
    @Order(1)
    void shouldFlagDuplicateCustomersMultiRepAndDuplicateEntriesAndKeepEntriesOutOfCounts() {
        UUID c6First = UUID.randomUUID();
        post(followUp(UUID.randomUUID(), "c1", "rep-1", "2026-11-10T01:00:00Z", "+86 139-1111-2222", "c1@x.com", "首次电话"));
        post(followUp(UUID.randomUUID(), "c2", "rep-2", "2026-11-10T02:00:00Z", "13911112222", null, "介绍产品"));
        post(followUp(UUID.randomUUID(), "c3", "rep-3", "2026-11-10T03:00:00Z", null, " C1@X.com", "邮件跟进"));
        post(followUp(UUID.randomUUID(), "c4", "rep-1", "2026-11-01T01:00:00Z", "13700000004", null, "拜访"));
        post(followUp(UUID.randomUUID(), "c4", "rep-2", "2026-11-20T01:00:00Z", "13700000004", null, "再次拜访"));
        post(followUp(UUID.randomUUID(), "c5", "rep-1", "2026-09-01T01:00:00Z", "13700000005", null, "拜访"));
        post(followUp(UUID.randomUUID(), "c5", "rep-2", "2026-10-15T01:00:00Z", "13700000005", null, "再次拜访"));
        String c6 = followUp(c6First, "c6", "rep-1", "2026-11-10T05:00:10Z", "13700000006", null, "报价  已发送");
        post(c6);
        post(followUp(UUID.randomUUID(), "c6", "rep-1", "2026-11-10T05:00:50Z", "13700000006", null, " 报价 已发送 "));
        post(c6);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(openFlags()).containsExactlyInAnyOrder(
                "DUPLICATE_CUSTOMER " + PHONE_KEY + " [c1, c2] [rep-1, rep-2]",
                "DUPLICATE_CUSTOMER email:c1@x.com [c1, c3] [rep-1, rep-3]",
                "MULTI_REP c4 [c4] [rep-1, rep-2]",
                "DUPLICATE_ENTRY c6/rep-1/2026-11-10T05:00:00Z/" + entryHash() + " [c6] [rep-1]"));
        assertThat(counts()).isEqualTo(Map.of("DUPLICATE_CUSTOMER", 2, "MULTI_REP", 1, "DUPLICATE_ENTRY", 1, "total", 4));
        JsonNode entry = flag("DUPLICATE_ENTRY");
        assertThat(entry.get("eventIds")).hasSize(2);
        assertThat(entry.get("eventIds").get(0).asString()).isEqualTo(c6First.toString());
        assertThat(flag("DUPLICATE_CUSTOMER", PHONE_KEY).get("firstSeenAt").asString()).isEqualTo("2026-11-10T02:00:00Z");

        // path() rather than get(): while the row is not there yet the check fails and is retried, not thrown
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(client.get(
                "/api/v1/reports/rep-activity?granularity=day&repId=rep-1&from=2026-11-10&to=2026-11-10").get("rows").path(0)
                .path("followUps").asLong()).isEqualTo(2));
        assertThat(client.get("/api/v1/reports/rep-activity?granularity=day&repId=rep-1&from=2026-11-10&to=2026-11-10")
                .get("rows").get(0).get("customers").asLong()).isEqualTo(2);
        // the list behind that figure is as long: c1's call and c6's first entry, not its retyped copy
        JsonNode list = client.get("/api/v1/drill/follow-ups?repId=rep-1&from=2026-11-10&to=2026-11-10");
        assertThat(list.get("total").asLong()).isEqualTo(2);
        assertThat(list.get("rows").findValuesAsString("customerId")).containsExactlyInAnyOrder("c1", "c6");
        assertThat(client.get("/api/v1/reports/summary?repId=rep-1&from=2026-11-10&to=2026-11-10").get("followUps").asLong())
                .isEqualTo(2);
    }

    @Test
    @Order(2)
    void shouldKeepWhoDismissedAFlagAndWhyAndReopenItWhenAThirdCustomerJoins() {
        String flagId = flag("DUPLICATE_CUSTOMER", PHONE_KEY).get("flagId").asString();

        var dismissed = client.postReport("/api/v1/reports/duplicates/" + flagId + "/dismiss",
                "{\"reason\":\"同一人，已合并\"}");
        assertThat(dismissed.status()).isEqualTo(200);
        assertThat(dismissed.body().get("status").asString()).isEqualTo("DISMISSED");
        // who dismissed is the caller (here the stack's admin token), not something the body claims
        assertThat(dismissed.body().get("dismissedBy").asString()).isEqualTo("token:admin");
        assertThat(dismissed.body().get("dismissedReason").asString()).isEqualTo("同一人，已合并");
        assertThat(counts().get("DUPLICATE_CUSTOMER")).isEqualTo(1);
        assertThat(client.postReport("/api/v1/reports/duplicates/" + flagId + "/dismiss",
                "{\"reason\":\"again\"}").status()).isEqualTo(409);
        assertThat(client.postReport("/api/v1/reports/duplicates/" + UUID.randomUUID() + "/dismiss",
                "{\"reason\":\"x\"}").status()).isEqualTo(404);
        assertThat(client.postReport("/api/v1/reports/duplicates/" + flagId + "/dismiss", "{\"by\":\"李经理\"}").status())
                .isEqualTo(400);

        post(followUp(UUID.randomUUID(), "c7", "rep-4", "2026-11-11T01:00:00Z", "0086 13911112222", null, "新线索"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(openFlags())
                .contains("DUPLICATE_CUSTOMER " + PHONE_KEY + " [c1, c2, c7] [rep-1, rep-2, rep-4]"));
        JsonNode reopened = flag("DUPLICATE_CUSTOMER", PHONE_KEY);
        assertThat(reopened.get("flagId").asString()).isEqualTo(flagId);
        assertThat(reopened.get("firstSeenAt").asString()).isEqualTo("2026-11-10T02:00:00Z");
        assertThat(reopened.get("dismissedBy").asString()).as("the earlier decision stays visible").isEqualTo("token:admin");
        assertThat(counts().get("DUPLICATE_CUSTOMER")).isEqualTo(2);
    }

    private static void post(String followUp) {
        var response = client.post("/api/v1/followups", followUp);
        assertThat(response.status()).as("%s", response.body()).isEqualTo(202);
    }

    private static List<String> openFlags() {
        return StreamSupport.stream(client.get("/api/v1/reports/duplicates").get("rows").spliterator(), false)
                .map(f -> f.get("type").asString() + " " + f.get("key").asString() + " " + sorted(f.get("customerIds"))
                        + " " + sorted(f.get("repIds")))
                .toList();
    }

    private static JsonNode flag(String type) {
        return client.get("/api/v1/reports/duplicates?status=ALL&type=" + type).get("rows").get(0);
    }

    private static JsonNode flag(String type, String key) {
        return StreamSupport.stream(client.get("/api/v1/reports/duplicates?status=ALL&type=" + type).get("rows")
                .spliterator(), false).filter(f -> f.get("key").asString().equals(key)).findFirst().orElseThrow();
    }

    private static Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        client.get("/api/v1/reports/duplicates/counts").properties()
                .forEach(e -> counts.put(e.getKey(), e.getValue().asInt()));
        return counts;
    }

    /** Members in a fixed order: customers seen on different partitions join in whatever order they arrive. */
    private static List<String> sorted(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).sorted().toList();
    }

    /**
     * First 16 hex digits of SHA-256("报价已发送"), the normalised content (whitespace next to Chinese
     * characters means nothing, issue 17), computed here independently.
     */
    private static String entryHash() {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest("报价已发送".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
