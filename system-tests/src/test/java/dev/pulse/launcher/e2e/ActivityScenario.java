package dev.pulse.launcher.e2e;

import static dev.pulse.launcher.e2e.FollowUps.followUp;
import static dev.pulse.launcher.e2e.FollowUps.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.events.TopicNames;
import dev.pulse.launcher.stack.PulseStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The end-to-end scenario of follow-up activity, run against whatever real broker and database
 * the subclass provides: HTTP to ingest, through Kafka and the stream processor, into PostgreSQL,
 * out of the report API. Every expected figure below is counted by hand from the events posted.
 *
 * <p>Reporting zone Asia/Shanghai (UTC+8). Events (rep, team, customer, instant, channel):
 * <pre>
 * e1 rep-a team-1 cust-1 2026-11-03T02:00Z PHONE   -> Shanghai day 11-03
 * e2 rep-a team-1 cust-2 2026-11-02T16:30Z WECHAT  -> 11-03 (00:30 in Shanghai)
 * e3 rep-a team-1 cust-1 2026-11-03T09:00Z PHONE   -> 11-03
 * e4 rep-a team-1 cust-1 2026-11-03T16:30Z EMAIL   -> 11-04
 * e5 rep-b team-1 cust-1 2026-11-03T03:00Z VISIT   -> 11-03
 * e6 rep-c team-2 cust-3 2026-10-30T02:00Z MEETING -> 10-30
 * e1 again (same eventId)                            -> counts once
 * e7 rep-a team-1 cust-3 2026-10-31T02:00Z OTHER   -> 10-31, posted last (late)
 * </pre>
 * ISO weeks: 10-26..11-01 is 2026-W44, 11-02..11-08 is 2026-W45. Subclasses provide the broker and
 * database; the tests run in order on one Pulse.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ActivityScenario {

    static final String FROM = "2026-10-26";
    static final String TO = "2026-11-08";

    /** The Pulse the scenario runs on: its admin's client, its broker and its topics. */
    record Target(PulseClient client, String bootstrapServers, TopicNames topics) {

        /** A whole stack the caller started. */
        static Target of(PulseStack stack) {
            return new Target(new PulseClient(stack), stack.settings().kafkaBootstrap(), stack.settings().topics());
        }
    }

    /** Where a subclass runs the scenario; it starts that Pulse before the tests. */
    protected abstract Target target();

    /** The scenario's steps and checks against a Pulse started by the caller. */
    static ActivityScenario on(PulseClient client, String bootstrapServers, TopicNames topics) {
        Target target = new Target(client, bootstrapServers, topics);
        return new ActivityScenario() {
            @Override
            protected Target target() {
                return target;
            }
        };
    }

    protected final PulseClient client() {
        return target().client();
    }

    protected final String bootstrapServers() {
        return target().bootstrapServers();
    }

    protected final TopicNames topics() {
        return target().topics();
    }

    @Test
    @Order(1)
    void shouldCountEachFollowUpOnceInItsShanghaiDay() {
        postScenario();
        assertDailyRows();
    }

    @Test
    @Order(2)
    void shouldRollUpIntoIsoWeeksMonthsAndTeams() {
        assertWeeksMonthsTeamsAndFilters();
    }

    @Test
    @Order(3)
    void shouldServeSummaryAndDrillDownFromTheFactTables() {
        assertSummaryAndDrillDown();
    }

    @Test
    @Order(4)
    void shouldRouteAPoisonRecordToTheErrorTopicAndKeepRunning() {
        assertPoisonWentToErrorTopic();
    }

    @Test
    @Order(5)
    void shouldWriteNothingOfARejectedRequest() {
        assertRejectedBatchWritesNothing();
    }

    void postScenario() {
        UUID e1 = UUID.randomUUID();
        accept(array(
                followUp(e1, "cust-1", "rep-a", "team-1", "2026-11-03T02:00:00Z", "PHONE"),
                followUp(UUID.randomUUID(), "cust-2", "rep-a", "team-1", "2026-11-02T16:30:00Z", "WECHAT"),
                followUp(UUID.randomUUID(), "cust-1", "rep-a", "team-1", "2026-11-03T09:00:00Z", "PHONE")), 3);
        accept(array(
                followUp(UUID.randomUUID(), "cust-1", "rep-a", "team-1", "2026-11-03T16:30:00Z", "EMAIL"),
                followUp(UUID.randomUUID(), "cust-1", "rep-b", "team-1", "2026-11-03T03:00:00Z", "VISIT"),
                followUp(UUID.randomUUID(), "cust-3", "rep-c", "team-2", "2026-10-30T02:00:00Z", "MEETING")), 3);
        accept(followUp(e1, "cust-1", "rep-a", "team-1", "2026-11-03T02:00:00+00:00", "PHONE"), 1);
        var sales = client().post("/api/v1/sales", sale("SO-1", "cust-1", "rep-a", "team-1", "12800.50", "2026-11-03T05:00:00Z"));
        assertThat(sales.status()).isEqualTo(202);
        producePoison("cust-poison", "{not json".getBytes());
        accept(followUp(UUID.randomUUID(), "cust-3", "rep-a", "team-1", "2026-10-31T02:00:00Z", "OTHER"), 1);
    }

    void assertDailyRows() {
        awaitRows("/api/v1/reports/rep-activity?granularity=day&from=" + FROM + "&to=" + TO, List.of(
                "rep-a team-1 2026-10-31 1 1 {OTHER=1}",
                "rep-a team-1 2026-11-03 3 2 {PHONE=2, WECHAT=1}",
                "rep-a team-1 2026-11-04 1 1 {EMAIL=1}",
                "rep-b team-1 2026-11-03 1 1 {VISIT=1}",
                "rep-c team-2 2026-10-30 1 1 {MEETING=1}"));
    }

    void assertWeeksMonthsTeamsAndFilters() {
        awaitRows("/api/v1/reports/rep-activity?granularity=week&from=" + FROM + "&to=" + TO, List.of(
                "rep-a team-1 2026-W44 1 1 {OTHER=1}",
                "rep-a team-1 2026-W45 4 2 {EMAIL=1, PHONE=2, WECHAT=1}",
                "rep-b team-1 2026-W45 1 1 {VISIT=1}",
                "rep-c team-2 2026-W44 1 1 {MEETING=1}"));
        awaitRows("/api/v1/reports/rep-activity?granularity=month&from=" + FROM + "&to=" + TO, List.of(
                "rep-a team-1 2026-10 1 1 {OTHER=1}",
                "rep-a team-1 2026-11 4 2 {EMAIL=1, PHONE=2, WECHAT=1}",
                "rep-b team-1 2026-11 1 1 {VISIT=1}",
                "rep-c team-2 2026-10 1 1 {MEETING=1}"));
        // Team rows count a customer once even when two reps of the team touched it.
        awaitRows("/api/v1/reports/team-activity?granularity=month&from=" + FROM + "&to=" + TO, List.of(
                "null team-1 2026-10 1 1 {OTHER=1}",
                "null team-1 2026-11 5 2 {EMAIL=1, PHONE=2, VISIT=1, WECHAT=1}",
                "null team-2 2026-10 1 1 {MEETING=1}"));
        awaitRows("/api/v1/reports/rep-activity?granularity=day&teamId=team-2&from=" + FROM + "&to=" + TO, List.of(
                "rep-c team-2 2026-10-30 1 1 {MEETING=1}"));
        awaitRows("/api/v1/reports/rep-activity?granularity=day&repId=rep-b&from=2026-11-03&to=2026-11-03", List.of(
                "rep-b team-1 2026-11-03 1 1 {VISIT=1}"));
    }

    void assertSummaryAndDrillDown() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode summary = client().get("/api/v1/reports/summary?from=2026-11-03&to=2026-11-03");
            assertThat(summary.get("followUps").asLong()).isEqualTo(4);
            assertThat(summary.get("activeReps").asLong()).isEqualTo(2);
            assertThat(summary.get("teams").asLong()).isEqualTo(1);
            assertThat(summary.get("customerTouches").asLong()).isEqualTo(3);
            assertThat(summary.get("sales").asLong()).isEqualTo(1);
            assertThat(summary.get("revenueByCurrency").size()).isEqualTo(1);
            assertThat(summary.get("revenueByCurrency").get("CNY").decimalValue()).isEqualByComparingTo("12800.50");
        });
        JsonNode cust1 = client().get("/api/v1/followups?customerId=cust-1").get("rows");
        assertThat(StreamSupport.stream(cust1.spliterator(), false).map(r -> r.get("occurredAt").asString()).toList())
                .as("cust-1's four distinct follow-ups, newest first")
                .containsExactly("2026-11-03T16:30:00Z", "2026-11-03T09:00:00Z", "2026-11-03T03:00:00Z",
                        "2026-11-03T02:00:00Z");
        assertThat(cust1.get(0).get("content").asString()).isEqualTo("电话沟通需求 — discussed needs");
    }

    void assertPoisonWentToErrorTopic() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-errors-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topics().errors()));
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return !seen.isEmpty();
            });
            assertThat(seen).hasSize(1);
            assertThat(seen.getFirst().key()).isEqualTo("cust-poison");
            assertThat(seen.getFirst().value()).contains("\"sourceTopic\":\"" + topics().followups() + "\"")
                    .contains("not JSON").contains("{not json");
        }
    }

    /** A request with one bad record writes nothing, not even its good records. */
    void assertRejectedBatchWritesNothing() {
        var rejected = client().post("/api/v1/followups", array(
                followUp(UUID.randomUUID(), "cust-9", "rep-z", "team-9", "2026-11-03T02:00:00Z", "PHONE"),
                followUp(UUID.randomUUID(), "cust-9", "rep-z", "team-9", "2026-11-03T03:00:00Z", "FAX")));
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        JsonNode error = rejected.body().get("errors").get(0);
        assertThat(error.get("index").asInt()).isEqualTo(1);
        assertThat(error.get("field").asString()).isEqualTo("channel");
        // A marker for the same customer lands on the same partition, after anything the rejected request could have written.
        accept(followUp(UUID.randomUUID(), "cust-9", "rep-y", "team-9", "2026-11-03T04:00:00Z", "PHONE"), 1);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(client().get("/api/v1/followups?customerId=cust-9").get("rows")).hasSize(1));
        assertThat(client().get("/api/v1/followups?customerId=cust-9").get("rows").get(0).get("repId").asString())
                .isEqualTo("rep-y");
        assertThat(client().get("/api/v1/reports/rep-activity?repId=rep-z&from=" + FROM + "&to=" + TO).get("rows"))
                .isEmpty();
    }

    void accept(String body, int expected) {
        var response = client().post("/api/v1/followups", body);
        assertThat(response.status()).as("ingest answer: %s", response.body()).isEqualTo(202);
        assertThat(response.body().get("accepted").asInt()).isEqualTo(expected);
    }

    void awaitRows(String query, List<String> expected) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(rows(query)).containsExactlyInAnyOrderElementsOf(expected));
    }

    List<String> rows(String query) {
        JsonNode rows = client().get(query).get("rows");
        return StreamSupport.stream(rows.spliterator(), false)
                .map(r -> "%s %s %s %d %d %s".formatted(r.get("repId").isNull() ? "null" : r.get("repId").asString(),
                        r.get("teamId").asString(), r.get("bucket").asString(), r.get("followUps").asLong(),
                        r.get("customers").asLong(), new java.util.TreeMap<>(dev.pulse.events.Json.MAPPER
                                .convertValue(r.get("byChannel"), java.util.Map.class))))
                .toList();
    }

    static String array(String... records) {
        return "[" + String.join(",", records) + "]";
    }

    private void producePoison(String key, byte[] value) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topics().followups(), key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
