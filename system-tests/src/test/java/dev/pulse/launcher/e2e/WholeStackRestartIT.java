package dev.pulse.launcher.e2e;

import static dev.pulse.launcher.e2e.FollowUps.followUp;

import dev.pulse.launcher.stack.PulseStack;
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
        DurableInstallation installation = DurableInstallation.inNewDirectory("data-dir-");
        UUID retried = UUID.randomUUID();

        runOnce(installation, pulse -> {
            post(pulse, followUp(retried, "cust-1", "rep-w", "team-w", "2026-11-10T02:00:00Z", "PHONE"));
            post(pulse, followUp(UUID.randomUUID(), "cust-2", "rep-w", "team-w", "2026-11-10T03:00:00Z", "EMAIL"));
            awaitDay(pulse, "rep-w team-w 2026-11-10 2 2 {EMAIL=1, PHONE=1}");
        });
        runOnce(installation, pulse -> {
            awaitDay(pulse, "rep-w team-w 2026-11-10 2 2 {EMAIL=1, PHONE=1}");
            post(pulse, followUp(retried, "cust-1", "rep-w", "team-w", "2026-11-10T02:00:00Z", "PHONE"));
            post(pulse, followUp(UUID.randomUUID(), "cust-1", "rep-w", "team-w", "2026-11-10T04:00:00Z", "VISIT"));
            awaitDay(pulse, "rep-w team-w 2026-11-10 3 2 {EMAIL=1, PHONE=1, VISIT=1}");
        });
    }

    private interface Scenario {
        void run(ActivityScenario pulse);
    }

    /** The whole stack started on the installation, the scenario run against it, and everything stopped. */
    private static void runOnce(DurableInstallation installation, Scenario scenario) throws Exception {
        installation.run(settings -> {
            try (PulseStack stack = new PulseStack(settings).startAll()) {
                scenario.run(ActivityScenario.on(new PulseClient(stack), settings.kafkaBootstrap(), settings.topics()));
            }
            return null;
        });
    }

    private static void post(ActivityScenario pulse, String followUp) {
        pulse.accept(followUp, 1);
    }

    private static void awaitDay(ActivityScenario pulse, String row) {
        pulse.awaitRows("/api/v1/reports/rep-activity?granularity=day&from=2026-11-10&to=2026-11-10", List.of(row));
    }
}
