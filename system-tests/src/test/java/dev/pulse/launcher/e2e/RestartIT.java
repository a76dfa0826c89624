package dev.pulse.launcher.e2e;

import static dev.pulse.launcher.e2e.FollowUps.followUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.launcher.stack.PulseStack;
import dev.pulse.launcher.stack.StackSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Stops the stream processor and the report API (with its projector) in the middle of a stream of
 * follow-ups, keeps ingesting while they are down, restarts them on the same state directory and
 * database, and checks the figures are exact: nothing lost, nothing doubled.
 */
class RestartIT {

    private static final int BATCHES = 10;
    private static final int PER_BATCH = 20;

    private PulseStack stack;

    @AfterEach
    void stopPulse() {
        stack.close();
    }

    @Test
    void shouldCountExactlyOnceAcrossARestartOfProcessorAndProjector() {
        StackSettings settings = EmbeddedStack.settingsFor("restart");
        stack = EmbeddedStack.start(settings);
        List<UUID> ids = IntStream.range(0, BATCHES * PER_BATCH).mapToObj(i -> UUID.randomUUID()).toList();

        postBatches(ids, 0, 4);
        stack.stopProcessor();
        stack.stopReport();
        postBatches(ids, 4, 7);
        stack.startProcessor();
        stack.startReport();
        postBatches(ids, 7, BATCHES);
        postBatches(ids, 0, 1); // a client retrying its first request after the restart

        // Event i: rep-even for even i, rep-odd for odd i; customer cust-(i % 10); one a minute from 09:00 on
        // 2026-11-05 in Shanghai (a minute apart, so none is a duplicate entry of another).
        // So each rep has 100 follow-ups and touches 5 distinct customers.
        ActivityScenario view = ActivityScenario.on(new PulseClient(stack),
                settings.kafkaBootstrap(), settings.topics());
        view.awaitRows("/api/v1/reports/rep-activity?granularity=day&from=2026-11-05&to=2026-11-05", List.of(
                "rep-even team-r 2026-11-05 100 5 {PHONE=100}",
                "rep-odd team-r 2026-11-05 100 5 {PHONE=100}"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                view.client().get("/api/v1/followups?repId=rep-even&limit=1000").get("rows")).hasSize(100));
    }

    private void postBatches(List<UUID> ids, int fromBatch, int toBatch) {
        PulseClient ingest = PulseClient.ingestOnly(stack);
        Instant base = Instant.parse("2026-11-05T01:00:00Z");
        for (int batch = fromBatch; batch < toBatch; batch++) {
            String[] records = new String[PER_BATCH];
            for (int j = 0; j < PER_BATCH; j++) {
                int i = batch * PER_BATCH + j;
                records[j] = followUp(ids.get(i), "cust-" + (i % 10), i % 2 == 0 ? "rep-even" : "rep-odd", "team-r",
                        base.plusSeconds(60L * i).toString(), "PHONE");
            }
            var response = ingest.post("/api/v1/followups", ActivityScenario.array(records));
            assertThat(response.status()).as("batch %d: %s", batch, response.body()).isEqualTo(202);
        }
    }
}
