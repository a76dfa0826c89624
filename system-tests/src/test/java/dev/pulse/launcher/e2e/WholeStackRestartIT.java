package dev.pulse.launcher.e2e;

import static dev.pulse.launcher.e2e.FollowUps.followUp;

import dev.pulse.events.TopicNames;
import dev.pulse.launcher.Ports;
import dev.pulse.launcher.broker.KafkaBroker;
import dev.pulse.launcher.database.Database;
import dev.pulse.launcher.database.DatabaseSettings;
import dev.pulse.launcher.stack.PulseStack;
import dev.pulse.launcher.stack.StackSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a second {@code ./pulse run} on the same data directory does: broker, PostgreSQL and
 * stream state all come back from disk, and the figures continue, neither lost nor doubled.
 */
class WholeStackRestartIT {

    @Test
    void shouldContinueWithTheSameFiguresAfterEverythingRestartsOnTheSameDataDirectory() throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "e2e")), "data-dir-");
        int kafkaPort = Ports.freePort();
        int controllerPort = Ports.freePort();
        int dbPort = Ports.freePort();
        UUID retried = UUID.randomUUID();

        runOnce(dataDir, kafkaPort, controllerPort, dbPort, pulse -> {
            post(pulse, followUp(retried, "cust-1", "rep-w", "team-w", "2026-11-10T02:00:00Z", "PHONE"));
            post(pulse, followUp(UUID.randomUUID(), "cust-2", "rep-w", "team-w", "2026-11-10T03:00:00Z", "EMAIL"));
            awaitDay(pulse, "rep-w team-w 2026-11-10 2 2 {EMAIL=1, PHONE=1}");
        });
        runOnce(dataDir, kafkaPort, controllerPort, dbPort, pulse -> {
            awaitDay(pulse, "rep-w team-w 2026-11-10 2 2 {EMAIL=1, PHONE=1}");
            post(pulse, followUp(retried, "cust-1", "rep-w", "team-w", "2026-11-10T02:00:00Z", "PHONE"));
            post(pulse, followUp(UUID.randomUUID(), "cust-1", "rep-w", "team-w", "2026-11-10T04:00:00Z", "VISIT"));
            awaitDay(pulse, "rep-w team-w 2026-11-10 3 2 {EMAIL=1, PHONE=1, VISIT=1}");
        });
    }

    private interface Scenario {
        void run(ActivityScenario pulse);
    }

    private static void runOnce(Path dataDir, int kafkaPort, int controllerPort, int dbPort, Scenario scenario)
            throws Exception {
        try (KafkaBroker broker = new KafkaBroker(dataDir.resolve("kafka"), kafkaPort, controllerPort)) {
            broker.start();
            try (Database database = Database.startEmbedded(
                    new DatabaseSettings("jdbc:postgresql://localhost:" + dbPort + "/pulse", "pulse", "pulse"),
                    dataDir, dbPort)) {
                StackSettings settings = new StackSettings(broker.bootstrapServers(), database.settings(),
                        dataDir.resolve("streams"), 0, 0, 0, ZoneId.of("Asia/Shanghai"), "pulse-stream-processor",
                        "pulse-projector", TopicNames.defaults(), java.time.Duration.ofSeconds(2), List.of());
                try (PulseStack stack = new PulseStack(settings).startAll()) {
                    PulseClient client = new PulseClient(stack);
                    scenario.run(ActivityScenario.on(client, broker.bootstrapServers(), settings.topics()));
                }
            }
        }
    }

    private static void post(ActivityScenario pulse, String followUp) {
        pulse.accept(followUp, 1);
    }

    private static void awaitDay(ActivityScenario pulse, String row) {
        pulse.awaitRows("/api/v1/reports/rep-activity?granularity=day&from=2026-11-10&to=2026-11-10", List.of(row));
    }
}
