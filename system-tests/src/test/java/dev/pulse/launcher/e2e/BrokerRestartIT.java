package dev.pulse.launcher.e2e;

import static dev.pulse.launcher.e2e.ActivityScenario.array;
import static dev.pulse.launcher.e2e.FollowUps.followUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.launcher.Ports;
import dev.pulse.launcher.broker.KafkaBroker;
import dev.pulse.launcher.database.DatabaseSettings;
import dev.pulse.launcher.stack.PulseStack;
import dev.pulse.launcher.stack.StackSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The broker of a running Pulse goes away and comes back on the same address and log: ingest
 * answers 503 meanwhile and accepts nothing, then, without being restarted, accepts the client's
 * retry; the stream processor and the projector carry on by themselves, and every figure is
 * exact. (Ingest started before any broker exists is ingest-service's {@code KafkaDownIT}; the
 * projector waiting out a PostgreSQL outage is report-api's {@code ProjectorIT}.)
 */
class BrokerRestartIT {

    private static final Duration ANSWER_BOUND = Duration.ofSeconds(10);
    private static final String DAY = "/api/v1/reports/rep-activity?granularity=day&from=2026-11-12&to=2026-11-12";

    @Test
    void shouldAnswer503WhileTheBrokerIsDownAndRecoverByItselfWithNothingLostOrDoubled() throws Exception {
        // given a running Pulse on a broker of its own (stopping the shared one would disturb other tests)
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "e2e")), "broker-restart-");
        int kafkaPort = Ports.freePort();
        int controllerPort = Ports.freePort();
        String id = "broker-restart-" + UUID.randomUUID().toString().substring(0, 8);
        DatabaseSettings database = EmbeddedInfrastructure.get().newDatabase(id.replace('-', '_'));
        KafkaBroker broker = new KafkaBroker(dataDir.resolve("kafka"), kafkaPort, controllerPort);
        broker.start();
        StackSettings settings = new StackSettings(broker.bootstrapServers(), database, dataDir.resolve("streams"),
                0, 0, 0, ZoneId.of("Asia/Shanghai"), id + "-processor", id + "-projector", EmbeddedStack.topics(id),
                Duration.ofSeconds(2), List.of());
        try (PulseStack stack = new PulseStack(settings).startAll()) {
            PulseClient client = new PulseClient(stack);
            ActivityScenario pulse = ActivityScenario.on(client, broker.bootstrapServers(), settings.topics());
            String before = array(
                    followUp(UUID.randomUUID(), "cust-1", "rep-k", "team-k", "2026-11-12T02:00:00Z", "PHONE"),
                    followUp(UUID.randomUUID(), "cust-2", "rep-k", "team-k", "2026-11-12T03:00:00Z", "WECHAT"),
                    followUp(UUID.randomUUID(), "cust-1", "rep-k", "team-k", "2026-11-12T04:00:00Z", "EMAIL"));
            pulse.accept(before, 3);
            pulse.awaitRows(DAY, List.of("rep-k team-k 2026-11-12 3 2 {EMAIL=1, PHONE=1, WECHAT=1}"));

            // when the broker stops
            broker.close();
            String during = array(
                    followUp(UUID.randomUUID(), "cust-3", "rep-k", "team-k", "2026-11-12T05:00:00Z", "PHONE"),
                    followUp(UUID.randomUUID(), "cust-1", "rep-k", "team-k", "2026-11-12T06:00:00Z", "VISIT"));

            // then ingest answers 503, promptly, every time, and reports nothing as accepted
            for (int attempt = 1; attempt <= 2; attempt++) {
                long start = System.nanoTime();
                PulseClient.Response refused = client.post("/api/v1/followups", during);
                assertThat(refused.status()).as("attempt %d: %s", attempt, refused.body()).isEqualTo(503);
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.body().has("accepted")).isFalse();
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(ANSWER_BOUND);
            }

            // when the broker comes back on the same address and log, and the client retries the same events
            broker = new KafkaBroker(dataDir.resolve("kafka"), kafkaPort, controllerPort);
            broker.start();
            PulseClient.Response accepted = await("202 for the retry, with no service restarted")
                    .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> client.post("/api/v1/followups", during), response -> response.status() != 503);
            assertThat(accepted.status()).as("%s", accepted.body()).isEqualTo(202);
            pulse.accept(followUp(UUID.randomUUID(), "cust-4", "rep-k", "team-k", "2026-11-12T07:00:00Z", "PHONE"), 1);
            pulse.accept(before, 3); // a client retrying a request that had been acknowledged before the outage

            // then the figures are exact: six follow-ups of four customers, each once
            pulse.awaitRows(DAY, List.of("rep-k team-k 2026-11-12 6 4 {EMAIL=1, PHONE=3, VISIT=1, WECHAT=1}"));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(client.get("/api/v1/followups?repId=rep-k&limit=100").get("rows")).hasSize(6));
        } finally {
            broker.close();
        }
    }
}
