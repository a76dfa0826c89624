package dev.pulse.launcher.e2e;

import static dev.pulse.launcher.e2e.Chaos.log;
import static dev.pulse.launcher.e2e.KillSettling.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.events.Json;
import dev.pulse.events.kafka.KafkaClientSettings;
import dev.pulse.launcher.Ports;
import dev.pulse.launcher.database.Database;
import dev.pulse.launcher.database.DatabaseSettings;
import dev.pulse.launcher.e2e.KillWorkload.Request;
import dev.pulse.launcher.e2e.WebhookReceiver.Receipt;
import dev.pulse.launcher.stack.StackSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Pulse on a cluster, losing one of everything: three Kafka brokers (child JVMs, SASL/SCRAM only,
 * every topic replicated three times with min.insync.replicas 2), two stream processors (one
 * application id, a standby replica each), two report APIs (one database and projector group,
 * both delivering alerts) and ingest. While 10,000 follow-ups are posted, one broker, one processor
 * and one report API are SIGKILLed, and all three stay dead: the cluster runs on two brokers from then
 * on, the survivors take the work over. A partition whose followers had fallen out of the ISR on this
 * busy machine when its leader died stays electable only through eligible leader replicas (KIP-966,
 * on by default for clusters formatted by Kafka 4.1 or later), so the test checks that the cluster has
 * them. Afterwards every
 * figure of the read model equals the one computed from the acknowledged events, and the webhook
 * receiver got every alert's opening (and resolution) by alertId once; a repeat is allowed only for
 * a message the killed report API was sending when it died (delivery is at least once there, see
 * docs/operations.md, Alerts). Services' and brokers' logs: target/e2e/cluster-*.
 */
class ClusterKillIT {

    private static final long SEED = 20_261_204L;
    private static final int CUSTOMERS = 200;
    /** The webhook timeout (5 s) plus a margin: a message received this long before the kill may have been in flight. */
    private static final Duration IN_FLIGHT = Duration.ofSeconds(15);

    @Test
    void shouldCountEveryAcknowledgedEventAndSendEveryAlertOnceWhenABrokerAProcessorAndAReportApiDie() throws Exception {
        // given
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "e2e")).toAbsolutePath(), "cluster-");
        long started = System.nanoTime();
        try (ScramCluster cluster = new ScramCluster(dir);
             Database database = Database.startEmbedded(
                     new DatabaseSettings("jdbc:postgresql://localhost:5432/pulse", "pulse", "pulse"), dir, Ports.freePort());
             WebhookReceiver receiver = new WebhookReceiver()) {
            cluster.start();
            log("three brokers up in %d s at %s", seconds(started), cluster.bootstrapServers());
            KafkaClientSettings kafka = ScramCluster.client(ScramCluster.USER, ScramCluster.PASSWORD);
            StackSettings settings = new StackSettings(cluster.bootstrapServers(), database.createDatabase("cluster"),
                    dir.resolve("state"), 0, 0, 0, ZoneId.of("Asia/Shanghai"), "cluster-processor", "cluster-projector",
                    EmbeddedStack.topics("cluster"), Duration.ofSeconds(15), List.of(receiver.url("/alerts")))
                    .withKafkaClient(kafka);
            List<Request> requests = KillWorkload.requests(CUSTOMERS);
            int total = requests.stream().mapToInt(Request::events).sum();
            try (ProcessStack stack = new ProcessStack(settings, dir, 2, 2).startAll()) {
                log("two processors, two report APIs and ingest up after %d s; posting %,d events", seconds(started), total);
                assertReplicatedThreeTimes(cluster, kafka, settings);
                assertEligibleLeaderReplicas(cluster, kafka);
                RetryingPoster poster = new RetryingPoster(stack.ingest.port(), settings.credentials().ingestToken());
                AtomicInteger acknowledged = new AtomicInteger();
                AtomicReference<Instant> reportKilledAt = new AtomicReference<>();
                Chaos chaos = new Chaos(acknowledged::get, total)
                        .killForGood(cluster.nodes().get((int) (SEED % 3)), SEED)
                        .killForGood(stack.processors.get(1), SEED + 1)
                        .killForGood(noting(stack.reports.get(1), reportKilledAt), SEED + 2);

                // when
                KillWorkload.Posted posted = KillWorkload.postUnder(chaos, requests, poster, acknowledged);

                // then
                assertThat(posted.kills()).isEqualTo(3);
                await().atMost(Duration.ofMinutes(1)).ignoreExceptions()
                        .until(() -> cluster.brokersServing(kafka) == 2); // fenced once its session (9 s) ran out
                KillFigures expected = KillFigures.expectedFrom(posted.accepted());
                List<String> differences = KillSettling.awaitSettled(
                        () -> KillSettling.streamsState(stack.processors.getFirst(), stack.adminToken),
                        new KillReadModel(settings.database()), expected, Duration.ofMinutes(3), Duration.ofMinutes(12));
                assertThat(differences).as("read model against the figures counted from the acknowledged events").isEmpty();

                Set<String> messages = alertMessages(settings.database());
                await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2))
                        .until(() -> receivedOnce(receiver).keySet().containsAll(messages));
                Map<String, List<Instant>> received = receivedOnce(receiver);
                assertThat(received.keySet()).as("alert messages received, by alertId and event").isEqualTo(messages);
                List<String> repeats = repeats(received, reportKilledAt.get());
                log("%,d alert messages (%,d alerts) received, %d sent again after the report API died: %s",
                        messages.size(), messages.stream().filter(m -> m.endsWith(" OPEN")).count(), repeats.size(), repeats);
                assertThat(repeats).as("a message received twice but not in flight when the report API died")
                        .allMatch(repeat -> repeat.startsWith("in flight "));
                log("exact after %d s in all: %s, %,d activity rows, %,d funnel cells, %d flags, %,d open alerts",
                        seconds(started), expected.facts(), expected.activity().size(), expected.funnel().size(),
                        expected.flags().size(), expected.openAlerts().size());
            }
        }
    }

    /** Pulse's topics and Kafka Streams' internal ones: three replicas, two of them in sync at least. */
    private static void assertReplicatedThreeTimes(ScramCluster cluster, KafkaClientSettings kafka, StackSettings settings)
            throws Exception {
        try (Admin admin = Admin.create(kafka.clientConfig(cluster.bootstrapServers()))) {
            List<String> topics = new ArrayList<>(List.of(settings.topics().followups(), settings.topics().changes()));
            await().atMost(Duration.ofMinutes(1)).until(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                    .anyMatch(name -> name.startsWith(settings.processorApplicationId() + "-")));
            admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                    .filter(name -> name.startsWith(settings.processorApplicationId() + "-")).forEach(topics::add);
            for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
                assertThat(topic.partitions()).as("partitions of %s", topic.name())
                        .allSatisfy(partition -> assertThat(partition.replicas()).hasSize(3));
                String minIsr = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, topic.name())))
                        .all().get(30, TimeUnit.SECONDS).values().iterator().next().get("min.insync.replicas").value();
                assertThat(minIsr).as("min.insync.replicas of %s", topic.name()).isEqualTo("2");
            }
        }
    }

    /**
     * Without eligible leader replicas, a partition whose ISR had shrunk to its leader before that
     * leader died stays offline until the dead broker returns, and with it whatever group or
     * transaction coordinator lives there. With them, a follower that fell behind while the ISR was
     * below min.insync.replicas (so the high watermark could not move past it) is elected instead.
     */
    private static void assertEligibleLeaderReplicas(ScramCluster cluster, KafkaClientSettings kafka) throws Exception {
        try (Admin admin = Admin.create(kafka.clientConfig(cluster.bootstrapServers()))) {
            FinalizedVersionRange elr = admin.describeFeatures().featureMetadata().get(30, TimeUnit.SECONDS)
                    .finalizedFeatures().get("eligible.leader.replicas.version");
            assertThat(elr).as("eligible.leader.replicas.version finalized").isNotNull();
            assertThat(elr.maxVersionLevel()).as("eligible.leader.replicas.version").isGreaterThanOrEqualTo((short) 1);
        }
    }

    /** The victim as Chaos sees it, noting when it was killed. */
    private static Chaos.Victim noting(ServiceProcess victim, AtomicReference<Instant> killedAt) {
        return new Chaos.Victim() {
            @Override
            public String name() {
                return victim.name();
            }

            @Override
            public void kill() {
                killedAt.set(Instant.now());
                victim.kill();
            }

            @Override
            public void start() {
                victim.start();
            }
        };
    }

    /** "alertId OPEN" for every alert the read model holds, and "alertId RESOLVED" for each resolved one. */
    private static Set<String> alertMessages(DatabaseSettings database) throws SQLException {
        Set<String> messages = new TreeSet<>();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             ResultSet rows = connection.createStatement().executeQuery("select alert_id, status from alert")) {
            while (rows.next()) {
                messages.add(rows.getString(1) + " OPEN");
                if ("RESOLVED".equals(rows.getString(2))) {
                    messages.add(rows.getString(1) + " RESOLVED");
                }
            }
        }
        return messages;
    }

    /** Every alert message the receiver accepted, "alertId EVENT" -> when each copy arrived. */
    private static Map<String, List<Instant>> receivedOnce(WebhookReceiver receiver) {
        Map<String, List<Instant>> received = new TreeMap<>();
        for (Receipt receipt : receiver.receipts("/alerts")) {
            JsonNode body = Json.MAPPER.readTree(receipt.body());
            if ("alert".equals(body.path("type").asString(""))) {
                received.computeIfAbsent(body.path("alertId").asString() + " " + body.path("event").asString(),
                        k -> new ArrayList<>()).add(receipt.at());
            }
        }
        return received;
    }

    /**
     * Each message received more than once, marked "in flight" when its first copy arrived in the
     * moments before the report API's kill and every further copy after it (the survivor sent it again
     * once the dead instance's lease ran out), "unexplained" otherwise.
     */
    private static List<String> repeats(Map<String, List<Instant>> received, Instant killedAt) {
        List<String> repeats = new ArrayList<>();
        received.forEach((message, copies) -> {
            if (copies.size() > 1) {
                Instant first = copies.getFirst();
                boolean inFlight = killedAt != null && !first.isAfter(killedAt) && first.isAfter(killedAt.minus(IN_FLIGHT))
                        && copies.stream().skip(1).allMatch(copy -> copy.isAfter(killedAt));
                repeats.add((inFlight ? "in flight " : "unexplained ") + message + " x" + copies.size());
            }
        });
        return repeats;
    }
}
