package dev.pulse.report;

import static dev.pulse.report.RunningReport.json;
import static dev.pulse.report.Samples.bytes;
import static dev.pulse.report.Samples.eventId;
import static dev.pulse.report.Samples.followUp;
import static dev.pulse.report.Samples.sale;
import static dev.pulse.report.Samples.unique;
import static dev.pulse.report.TestPostgres.queryLong;
import static dev.pulse.report.TestPostgres.queryRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.events.TopicNames;
import dev.pulse.events.activity.ActivityRow;
import dev.pulse.events.activity.ActivityScope;
import dev.pulse.events.activity.Granularity;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import tools.jackson.databind.node.ObjectNode;

/**
 * The projector against a real broker and a real PostgreSQL: records go onto the topics as the
 * ingest service and the stream processor write them (some in Kafka transactions), and what lands
 * in the read model is read back with plain SQL and through the HTTP API.
 *
 * <p>The rules of projection share one running application, each test on keys of its own. The
 * restart and the outage each get a database, a consumer group and topics nobody else writes to,
 * because they assert totals and offsets.
 */
class ProjectorIT {

    private static final Duration PROJECTED = Duration.ofSeconds(30);

    private static TestKafka kafka;
    private static TestPostgres postgres;
    private static TopicNames topics;
    private static String jdbcUrl;
    private static RunningReport report;
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void startProjector() {
        kafka = TestKafka.start();
        postgres = TestPostgres.start("projector-it");
        topics = kafka.topics("-shared");
        jdbcUrl = postgres.createDatabase("projection_rules");
        report = RunningReport.start(jdbcUrl, kafka.bootstrapServers(), "projection-rules",
                TestKafka.topicSettings(topics));
        producer = kafka.producer();
    }

    @AfterAll
    static void stopAll() {
        if (producer != null) {
            producer.close();
        }
        if (report != null) {
            report.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Nested
    class Rules {

        @Test
        void shouldKeepTheLastFiguresOfAnActivityRowAndLandTheRowsOfOtherKeys() {
            // given three updates of one rep's day (1, 2, then 3 follow-ups) and one row of another rep,
            // committed together as the stream processor does
            String rep = unique("rep"), otherRep = unique("rep");
            ActivityRow third = dayRow(rep, 3);
            try (var transactional = kafka.transactionalProducer()) {
                transactional.beginTransaction();
                for (ActivityRow row : List.of(dayRow(rep, 1), dayRow(rep, 2), third, dayRow(otherRep, 7))) {
                    transactional.send(new ProducerRecord<>(topics.repActivity(), row.key(), bytes(row)));
                }
                transactional.commitTransaction();
            }

            // when
            await().atMost(PROJECTED).until(() -> queryLong(jdbcUrl,
                    "select count(*) from rep_activity where rep_id in (?, ?)", rep, otherRep) == 2);

            // then
            assertThat(queryRows(jdbcUrl, """
                    select rep_id, team_id, scope, granularity, bucket, period_start, period_end, follow_ups, customers,
                           ch_phone, ch_wechat, ch_email, ch_meeting, ch_visit, ch_other
                    from rep_activity where row_key = ?""", third.key()))
                    .containsExactly(rep + " | east | REP | DAY | 2026-03-03 | 2026-03-03 | 2026-03-03 | 3 | 2 | 2 | 1 | 0 | 0 | 0 | 0");
            assertThat(queryRows(jdbcUrl,
                    "select follow_ups, customers, ch_phone, ch_wechat from rep_activity where rep_id = ?", otherRep))
                    .containsExactly("7 | 2 | 6 | 1");
            assertThat(report.getJson("/api/v1/reports/rep-activity?from=2026-03-03&to=2026-03-03&repId=" + rep))
                    .isEqualTo(json("""
                            {"rows": [{"repId": "%s", "teamId": "east", "bucket": "2026-03-03",
                                       "periodStart": "2026-03-03", "periodEnd": "2026-03-03", "followUps": 3,
                                       "customers": 2, "byChannel": {"PHONE": 2, "WECHAT": 1}}]}""".formatted(rep)));
        }

        @Test
        void shouldProjectAFollowUpDeliveredTwiceOnlyOnce() {
            // given one follow-up sent twice with the same eventId (a producer retry), then a later one
            String customer = unique("C");
            ObjectNode twice = followUp(customer);
            ObjectNode later = followUp(customer).put("occurredAt", "2026-03-04T02:00:00Z").put("stage", "PROPOSAL");
            send(topics.followups(), customer, bytes(twice));
            send(topics.followups(), customer, bytes(twice));
            send(topics.followups(), customer, bytes(later));

            // when
            awaitOneRow(jdbcUrl, "select count(*) from followup where event_id = ?::uuid", eventId(later));

            // then
            assertThat(queryRows(jdbcUrl,
                    "select event_id, stage from followup where customer_id = ? order by occurred_at", customer))
                    .containsExactly(eventId(twice) + " | QUALIFIED", eventId(later) + " | PROPOSAL");
            assertThat(report.getJson("/api/v1/followups?customerId=" + customer).get("rows"))
                    .extracting(row -> row.get("eventId").asString())
                    .containsExactly(eventId(later), eventId(twice));
        }

        @Test
        void shouldIgnoreASaleRepeatingAnOrderIdUnderANewEventIdAndProjectTheSalesAfterIt() {
            // given order O1 sold, then O1 again under a new eventId (a re-imported sheet), then order O2
            String customer = unique("C"), team = unique("team");
            String o1 = unique("O1"), o2 = unique("O2");
            ObjectNode sold = sale(customer, o1, "100.00").put("teamId", team);
            ObjectNode resold = sale(customer, o1, "999.00").put("teamId", team);
            ObjectNode next = sale(customer, o2, "50.25").put("teamId", team);
            for (ObjectNode sale : List.of(sold, resold, next)) {
                send(topics.sales(), customer, bytes(sale));
            }

            // when
            awaitOneRow(jdbcUrl, "select count(*) from sale where event_id = ?::uuid", eventId(next));

            // then
            assertThat(queryRows(jdbcUrl,
                    "select order_id, event_id, amount from sale where customer_id = ? order by order_id", customer))
                    .containsExactly(o1 + " | " + eventId(sold) + " | 100.0000", o2 + " | " + eventId(next) + " | 50.2500");
            // 2026-03-20T08:30Z is 16:30 on the 20th in Shanghai: 100.00 + 50.25
            assertThat(report.getJson("/api/v1/reports/summary?from=2026-03-20&to=2026-03-20&teamId=" + team))
                    .isEqualTo(json("""
                            {"followUps": 0, "activeReps": 0, "teams": 0, "customerTouches": 0,
                             "sales": 2, "revenue": 150.25}"""));
        }

        @Test
        void shouldSkipPoisonOnTheFollowUpsTopicAndProjectTheRecordsAfterIt() {
            // given, on one partition (one key): bytes that are not JSON, JSON that is no follow-up, then a good record
            String customer = unique("C");
            ObjectNode good = followUp(customer);
            send(topics.followups(), customer, "客户跟进 {not json".getBytes(StandardCharsets.UTF_8));
            send(topics.followups(), customer,
                    "{\"customerId\": \"%s\"}".formatted(customer).getBytes(StandardCharsets.UTF_8));
            send(topics.followups(), customer, bytes(good));

            // when
            awaitOneRow(jdbcUrl, "select count(*) from followup where event_id = ?::uuid", eventId(good));

            // then
            assertThat(queryRows(jdbcUrl, "select event_id from followup where customer_id = ?", customer))
                    .containsExactly(eventId(good));
        }

        @Test
        void shouldNeverProjectTheRecordsOfAnAbortedTransaction() {
            // given two follow-ups in a transaction that is aborted, then one in a committed transaction, all on one key
            String customer = unique("C");
            ObjectNode aborted1 = followUp(customer), aborted2 = followUp(customer), committed = followUp(customer);
            try (var transactional = kafka.transactionalProducer()) {
                transactional.beginTransaction();
                transactional.send(new ProducerRecord<>(topics.followups(), customer, bytes(aborted1)));
                transactional.send(new ProducerRecord<>(topics.followups(), customer, bytes(aborted2)));
                transactional.flush();
                transactional.abortTransaction();
                transactional.beginTransaction();
                transactional.send(new ProducerRecord<>(topics.followups(), customer, bytes(committed)));
                transactional.commitTransaction();
            }

            // when the committed record, which lies after the aborted ones, is projected
            awaitOneRow(jdbcUrl, "select count(*) from followup where event_id = ?::uuid", eventId(committed));

            // then
            assertThat(queryRows(jdbcUrl, "select event_id from followup where customer_id = ?", customer))
                    .containsExactly(eventId(committed));
        }

        @Test
        void shouldSkipAnIncompleteActivityRowAndProjectTheRecordsAfterIt() {
            // given an application of its own, since the bug stops its projection for good
            TopicNames ownTopics = kafka.topics("-incomplete-row");
            String database = postgres.createDatabase("incomplete_row");
            try (RunningReport app = RunningReport.start(database, kafka.bootstrapServers(), "incomplete-row",
                    TestKafka.topicSettings(ownTopics))) {
                // when a row without scope, granularity or bucket arrives, then a follow-up
                send(ownTopics.repActivity(), "incomplete", "{\"followUps\": 1, \"customers\": 1}".getBytes(StandardCharsets.UTF_8));
                ObjectNode after = followUp(unique("C"));
                send(ownTopics.followups(), after.get("customerId").asString(), bytes(after));

                // then
                awaitOneRow(database, "select count(*) from followup where event_id = ?::uuid", eventId(after));
                assertThat(queryLong(database, "select count(*) from rep_activity")).isZero();
            }
        }
    }

    @Nested
    class Recovery {

        private static final int RESTART_RECORDS = 500;

        @Test
        void shouldProjectExactlyOnceAcrossARestartAndKeepItsOffsetsOnlyInPostgres() throws Exception {
            // given an application of its own that reads small batches, so that many transactions follow each other
            TopicNames ownTopics = kafka.topics("-restart");
            String database = postgres.createDatabase("restart");
            String group = "projector-restart";
            String[] settings = withSettings(TestKafka.topicSettings(ownTopics), "pulse.projector.max-poll-records=10");
            RunningReport first = RunningReport.start(database, kafka.bootstrapServers(), group, settings);
            List<ObjectNode> followUps = IntStream.range(0, RESTART_RECORDS)
                    .mapToObj(i -> followUp("C-restart-" + (i % 25)))
                    .toList();
            CompletableFuture<Void> producing = CompletableFuture.runAsync(
                    () -> sendPaced(ownTopics.followups(), followUps));

            // when the application stops while records flow, and a new one starts on the same database and group
            await().atMost(PROJECTED).pollInterval(Duration.ofMillis(10))
                    .until(() -> queryLong(database, "select count(*) from followup") > 100);
            first.close();
            long projectedBeforeTheStop = queryLong(database, "select count(*) from followup");
            producing.get(60, TimeUnit.SECONDS);
            try (RunningReport second = RunningReport.start(database, kafka.bootstrapServers(), group, settings)) {
                await().atMost(PROJECTED)
                        .until(() -> queryLong(database, "select count(*) from followup") >= RESTART_RECORDS);

                // then every record is there once, and the stored offsets are exactly the ends of the topic
                assertThat(projectedBeforeTheStop).as("the stop fell in the middle of the stream").isBetween(101L, 499L);
                assertThat(queryRows(database, "select event_id from followup"))
                        .containsExactlyInAnyOrderElementsOf(followUps.stream().map(Samples::eventId).toList());
                assertThat(queryLong(database,
                        "select sum(next_offset) from projector_offset where consumer_group = ? and topic = ?",
                        group, ownTopics.followups()))
                        .isEqualTo(RESTART_RECORDS)
                        .isEqualTo(kafka.endOffsetSum(ownTopics.followups()));
                assertThat(kafka.committedOffsets(group)).as("offsets committed to Kafka").isEmpty();
            }
        }

        @Test
        void shouldCatchUpExactlyOnceAfterADatabaseOutageAndReportItMeanwhile() throws Exception {
            // given an application on a PostgreSQL server of its own (stopping the class's server would disturb
            // the other tests), proven to be projecting: a first sale has landed
            try (TestPostgres server = TestPostgres.start("projector-outage")) {
                String database = server.createDatabase("outage");
                TopicNames ownTopics = kafka.topics("-outage");
                String group = "projector-outage";
                try (RunningReport app = RunningReport.start(database, kafka.bootstrapServers(), group,
                        withSettings(TestKafka.topicSettings(ownTopics),
                                "pulse.projector.retry-backoff=500ms",
                                // a dead server must fail a connection attempt in seconds, not in Hikari's default 30
                                "spring.datasource.hikari.connection-timeout=2000"))) {
                    String customer = unique("C");
                    ObjectNode warmUp = sale(customer, unique("O"), "1.00");
                    send(ownTopics.sales(), customer, bytes(warmUp));
                    awaitOneRow(database, "select count(*) from sale where event_id = ?::uuid", eventId(warmUp));

                    // when the database goes down, 50 follow-ups arrive, and the database comes back
                    server.stop();
                    List<ObjectNode> followUps = IntStream.range(0, 50)
                            .mapToObj(i -> followUp("C-outage-" + (i % 7)))
                            .toList();
                    for (ObjectNode followUp : followUps) {
                        send(ownTopics.followups(), followUp.get("customerId").asString(), bytes(followUp));
                    }
                    // the HTTP answer shows no details (show-details is left at "never"), so the projector's
                    // own contribution is read in-process
                    await().atMost(PROJECTED).untilAsserted(() -> {
                        HttpResponse<String> health = app.get("/actuator/health");
                        assertThat(health.statusCode()).isEqualTo(503);
                        assertThat(json(health).get("status").asString()).isEqualTo("DOWN");
                        Health projector = app.bean("projectorHealth", HealthIndicator.class).health();
                        assertThat(projector.getStatus()).isEqualTo(Status.DOWN);
                        assertThat(projector.getDetails().get("lastError")).asString().isNotBlank();
                    });
                    server.startAgain();

                    // then all 50 arrive once, the offsets are the ends of the topic, and health is UP again
                    await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                            .until(() -> queryLong(database, "select count(*) from followup") >= followUps.size());
                    assertThat(queryRows(database, "select event_id from followup"))
                            .containsExactlyInAnyOrderElementsOf(followUps.stream().map(Samples::eventId).toList());
                    assertThat(queryLong(database,
                            "select sum(next_offset) from projector_offset where consumer_group = ? and topic = ?",
                            group, ownTopics.followups()))
                            .isEqualTo(50)
                            .isEqualTo(kafka.endOffsetSum(ownTopics.followups()));
                    await().atMost(PROJECTED).untilAsserted(() -> {
                        HttpResponse<String> health = app.get("/actuator/health");
                        assertThat(health.statusCode()).isEqualTo(200);
                        assertThat(json(health).get("status").asString()).isEqualTo("UP");
                    });
                    Health projector = app.bean("projectorHealth", HealthIndicator.class).health();
                    assertThat(projector.getDetails()).containsKey("lastBatchAt").doesNotContainKey("lastError");
                }
            }
        }

        @Test
        void shouldReportHealthUpOnceKafkaIsReachableEvenBeforeAnyRecordArrives() throws Exception {
            // given an application whose bootstrap address answers nothing yet, on topics that stay empty
            int bootstrapPort = freePort();
            String database = postgres.createDatabase("kafka_late");
            TopicNames emptyTopics = kafka.topics("-kafka-late");
            try (RunningReport app = RunningReport.start(database, "localhost:" + bootstrapPort, "kafka-late",
                    withSettings(TestKafka.topicSettings(emptyTopics), "pulse.projector.retry-backoff=500ms"))) {
                await().atMost(PROJECTED).until(() -> app.get("/actuator/health").statusCode() == 503);

                // when the broker becomes reachable there, with nothing new on the topics
                URI broker = URI.create("kafka://" + kafka.bootstrapServers());
                try (PortForwarder forwarder = new PortForwarder(bootstrapPort,
                        new InetSocketAddress(broker.getHost(), broker.getPort()))) {

                    // then
                    await().atMost(PROJECTED).untilAsserted(() ->
                            assertThat(app.get("/actuator/health").statusCode()).isEqualTo(200));
                }
            }
        }
    }

    @Nested
    class Live {

        @Test
        void shouldPushAnActivityEventWhenASaleIsProjected() throws Exception {
            // given a dashboard listening to the live stream
            try (HttpClient client = HttpClient.newHttpClient()) {
                HttpResponse<Stream<String>> response = client.sendAsync(
                        RunningReport.authorized(HttpRequest.newBuilder(report.uri("/api/v1/live"))).header("Accept", "text/event-stream").build(),
                        BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
                LinkedBlockingQueue<String> lines = readInBackground(response);
                try {
                    await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event:hello"));

                    // when
                    String customer = unique("C");
                    send(topics.sales(), customer, bytes(sale(customer, unique("O"), "10.00")));

                    // then
                    await().atMost(PROJECTED).until(() -> lines.contains("event:activity"));
                    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
                } finally {
                    response.body().close();
                }
            }
        }

        @Test
        void shouldShutDownPromptlyWhileADashboardIsListening() throws Exception {
            // given an application of its own with one open live stream
            String database = postgres.createDatabase("live_shutdown");
            RunningReport app = RunningReport.start(database, kafka.bootstrapServers(), "live-shutdown",
                    TestKafka.topicSettings(topics));
            try (HttpClient client = HttpClient.newHttpClient()) {
                HttpResponse<Stream<String>> response = client.sendAsync(
                        RunningReport.authorized(HttpRequest.newBuilder(app.uri("/api/v1/live"))).build(), BodyHandlers.ofLines())
                        .get(10, TimeUnit.SECONDS);
                LinkedBlockingQueue<String> lines = readInBackground(response);
                await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event:hello"));

                // when
                long start = System.nanoTime();
                app.close();

                // then the stream is ended rather than waited for by the graceful shutdown (10 s per phase)
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            }
        }

        private static LinkedBlockingQueue<String> readInBackground(HttpResponse<Stream<String>> response) {
            LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread.ofVirtual().name("sse-reader").start(() -> {
                try {
                    response.body().forEach(lines::add);
                } catch (RuntimeException e) {
                    // the stream ends when the test closes it or the server goes away
                }
            });
            return lines;
        }
    }

    private static ActivityRow dayRow(String repId, long followUps) {
        // all phone calls but one WeChat message; at most two customers
        return new ActivityRow(ActivityScope.REP, repId, "east", Granularity.DAY, "2026-03-03",
                LocalDate.parse("2026-03-03"), LocalDate.parse("2026-03-03"), followUps, Math.min(followUps, 2),
                followUps == 1 ? Map.of("PHONE", 1L) : Map.of("PHONE", followUps - 1, "WECHAT", 1L));
    }

    private static void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("send to " + topic + " failed", e);
        }
    }

    /** Sends 500 records over about a second, so that a test can stop the projector while they flow. */
    private static void sendPaced(String topic, List<ObjectNode> followUps) {
        try (var paced = kafka.producer()) {
            for (int i = 0; i < followUps.size(); i++) {
                ObjectNode followUp = followUps.get(i);
                paced.send(new ProducerRecord<>(topic, followUp.get("customerId").asString(), bytes(followUp)));
                if (i % 5 == 4) {
                    paced.flush();
                    Thread.sleep(10);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitOneRow(String database, String countSql, Object... parameters) {
        await().atMost(PROJECTED).until(() -> queryLong(database, countSql, parameters) == 1);
    }

    private static String[] withSettings(String[] settings, String... more) {
        return Stream.concat(Stream.of(settings), Stream.of(more)).toArray(String[]::new);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
