package dev.pulse.launcher.e2e;

import static dev.pulse.launcher.e2e.FollowUps.followUp;
import static dev.pulse.launcher.e2e.Scrape.metrics;
import static dev.pulse.launcher.e2e.Scrape.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.launcher.stack.PulseStack;
import dev.pulse.launcher.stack.StackSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The gauges an operator watches (docs/operations.md, Metrics) move as they should: the webhook
 * outbox's backlog and failing deliveries while a receiver is down and back to 0 once it answers;
 * the dashboards' freshness after the stream processor was stopped, which covers the time it was
 * down; the projector's lag while it is held up behind a backlog, and back to 0 once it caught up.
 * One stack for the class, in order: each step counts on what the ones before it projected.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GaugesIT {

    private static final String DOWN = "/down";
    /** Stale (LEAD: 14 days) at once. */
    private static final Instant MONTH_AGO = Instant.parse("2026-11-03T02:00:00Z");

    private static WebhookReceiver receiver;
    private static PulseStack stack;
    private static String token;
    private static RetryingPoster poster;

    @BeforeAll
    static void start() {
        receiver = new WebhookReceiver();
        StackSettings settings = EmbeddedStack.settingsFor("gauges", List.of(receiver.url(DOWN)));
        token = settings.credentials().adminToken();
        stack = EmbeddedStack.start(settings);
        poster = new RetryingPoster(stack.ingestPort(), token);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    @Order(1)
    void shouldCountTheOutboxBacklogAndItsFailingDeliveriesUntilTheReceiverAnswers() {
        receiver.failFirst(DOWN, Integer.MAX_VALUE);
        // three customers last called a month ago: each opens a STALE alert at the next check (2 s)
        post(IntStream.range(0, 3).mapToObj(i -> "gauge-webhook-" + i).toList(), MONTH_AGO);

        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            String metrics = metrics(stack.reportPort(), token);
            assertThat(value(metrics, "pulse_webhooks_backlog")).isEqualTo(3);
            assertThat(value(metrics, "pulse_webhooks_retrying")).as("failed at least once").isEqualTo(3);
            assertThat(value(metrics, "pulse_webhooks_oldest_pending_seconds")).isPositive();
        });

        receiver.failFirst(DOWN, 0);
        // the next attempt comes after the back-off: 1 s, doubled with every failure so far
        await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> {
            String metrics = metrics(stack.reportPort(), token);
            assertThat(value(metrics, "pulse_webhooks_backlog")).isZero();
            assertThat(value(metrics, "pulse_webhooks_retrying")).isZero();
            assertThat(value(metrics, "pulse_webhooks_oldest_pending_seconds")).isZero();
            assertThat(value(metrics, "pulse_webhooks_failed_pending")).as("none given up").isZero();
        });
        assertThat(receiver.accepted(DOWN)).hasSize(3);
    }

    @Test
    @Order(2)
    void shouldShowTheTimeTheProcessorWasDownInTheFreshnessOnceItCaughtUp() throws Exception {
        double before = awaitQuiet();
        stack.stopProcessor();
        post(IntStream.range(0, 10).mapToObj(i -> "gauge-stop-" + i).toList(), Instant.now().minus(Duration.ofHours(1)));

        // the outage itself: the events wait at least this long for a processor
        ServiceProcess.sleep(Duration.ofSeconds(4));
        String whileDown = metrics(stack.reportPort(), token);
        assertThat(value(whileDown, "pulse_projector_freshness_seconds_count")).as("nothing new visible").isEqualTo(before);
        assertThat(value(whileDown, "pulse_projector_lag_records")).as("the projector is not behind: nothing reached it")
                .isZero();

        stack.startProcessor();
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            String metrics = metrics(stack.reportPort(), token);
            assertThat(value(metrics, "pulse_projector_freshness_seconds_count")).isEqualTo(before + 10);
            assertThat(value(metrics, "pulse_projector_freshness_last_seconds")).as("accepted before the outage")
                    .isGreaterThanOrEqualTo(4.0);
            assertThat(value(metrics, "pulse_projector_freshness_seconds_max")).isGreaterThanOrEqualTo(4.0);
            assertThat(value(metrics, "pulse_projector_lag_records")).isZero();
        });
    }

    @Test
    @Order(3)
    void shouldShowTheProjectorsLagWhileItIsHeldUpAndZeroOnceItCaughtUp() throws Exception {
        double before = awaitQuiet();
        stack.stopReport();
        List<String> customers = IntStream.range(0, 3_000).mapToObj(i -> "gauge-load-" + i).toList();
        for (int from = 0; from < customers.size(); from += 1_000) {
            post(customers.subList(from, from + 1_000), Instant.now().minus(Duration.ofHours(1)));
        }
        // every change made before report-api comes back: 13 from the steps before, 3,000 now
        awaitChanges((long) before + 3_000);

        StackSettings settings = stack.settings();
        try (Connection blocker = DriverManager.getConnection(settings.database().jdbcUrl(), settings.database().user(),
                settings.database().password())) {
            blocker.setAutoCommit(false);
            // the projector reads 100 records a batch; the first batch with a follow-up waits for this lock
            blocker.createStatement().execute("lock table followup in exclusive mode");
            stack.startReport("--pulse.projector.max-poll-records=100");
            await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
                String metrics = metrics(stack.reportPort(), token);
                assertThat(value(metrics, "pulse_projector_lag_records")).isGreaterThanOrEqualTo(1_000);
                // a new report-api process, so its meters start at 0: not all 3,000 can be visible yet
                assertThat(value(metrics, "pulse_projector_freshness_seconds_count")).isLessThan(3_000);
            });
            blocker.rollback();
        }

        await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> {
            String metrics = metrics(stack.reportPort(), token);
            assertThat(value(metrics, "pulse_projector_freshness_seconds_count")).as("changes projected since its start")
                    .isEqualTo(3_000);
            assertThat(value(metrics, "pulse_projector_lag_records")).isZero();
        });
    }

    /**
     * Posts one LEAD follow-up for each customer, in one request, each with a phone of its own (one
     * shared phone would make a duplicate flag that grows with every customer).
     */
    private static void post(List<String> customers, Instant occurredAt) {
        poster.postUntilAccepted("/api/v1/followups", customers.stream()
                .map(customer -> followUp(UUID.randomUUID(), customer, "rep-g", occurredAt.toString(),
                        "139" + String.format("%08d", Math.abs(customer.hashCode()) % 100_000_000), null, "电话沟通")
                        .replace("\n", " "))
                .collect(Collectors.joining("\n", "", "\n")));
    }

    /** Waits until the projector has nothing left and returns how many changes it has made visible. */
    private static double awaitQuiet() throws Exception {
        await().atMost(Duration.ofMinutes(1)).until(() -> value(metrics(stack.reportPort(), token), "pulse_projector_lag_records") == 0);
        return value(metrics(stack.reportPort(), token), "pulse_projector_freshness_seconds_count");
    }

    /** Waits until the changes topic holds {@code expected} committed records. */
    private static void awaitChanges(long expected) {
        StackSettings settings = stack.settings();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.assign(consumer.partitionsFor(settings.topics().changes()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList());
            consumer.seekToBeginning(consumer.assignment());
            long[] seen = {0};
            await().atMost(Duration.ofMinutes(3)).until(() -> {
                seen[0] += consumer.poll(Duration.ofMillis(500)).count();
                return seen[0] >= expected;
            });
            assertThat(seen[0]).isEqualTo(expected);
        }
    }
}
