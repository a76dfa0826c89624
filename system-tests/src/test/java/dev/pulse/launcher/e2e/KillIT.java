package dev.pulse.launcher.e2e;

import static dev.pulse.launcher.e2e.Chaos.log;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.launcher.e2e.KillWorkload.Request;
import dev.pulse.launcher.stack.StackSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * SIGKILL, not a polite stop: the stream processor, the report API (whose projector writes the
 * read model) and ingest run as child JVMs, and are killed several times each at random moments
 * while 100,000 follow-ups (plus sales and retyped copies) are posted, then started again on the
 * same state directory, database and consumer groups. The client retries every failed request
 * with the same eventIds until it is acknowledged, as the ingest contract asks. Once the pipeline
 * is quiet, every figure of the read model must equal the one computed in this test from the
 * acknowledged events: none lost, none doubled.
 *
 * <p>Broker and PostgreSQL stay in the test JVM; they are not the victims here. The services'
 * output is in target/e2e/kill-logs-*.
 */
class KillIT {

    private static final long SEED = 20_261_124L;
    private static final int KILLS_EACH = 3;
    private static final Duration STALL_BOUND = Duration.ofSeconds(90);
    private static final Duration SETTLE_BOUND = Duration.ofMinutes(10);

    @Test
    void shouldCountEveryAcknowledgedEventExactlyOnceWhileServicesAreKilledAtRandom() throws Exception {
        // given
        StackSettings settings = EmbeddedStack.settingsFor("kill");
        Path logDir = Files.createTempDirectory(settings.stateDir().getParent(), "kill-logs-");
        List<Request> requests = KillWorkload.requests();
        int total = requests.stream().mapToInt(Request::events).sum();
        long started = System.nanoTime();
        try (ProcessStack stack = new ProcessStack(settings, logDir).startAll()) {
            log("three services up in %d s; posting %,d events in %d requests; logs in %s",
                    seconds(started), total, requests.size(), logDir);
            RetryingPoster poster = new RetryingPoster(stack.ingest.port(), settings.credentials().ingestToken());
            AtomicInteger acknowledged = new AtomicInteger();
            Chaos chaos = new Chaos(acknowledged::get, total)
                    .kill(stack.processor, KILLS_EACH, SEED)
                    .kill(stack.report, KILLS_EACH, SEED + 1)
                    .kill(stack.ingest, KILLS_EACH, SEED + 2);

            // when
            KillWorkload.Posted posted = KillWorkload.postUnder(chaos, requests, poster, acknowledged);

            // then
            assertThat(posted.kills()).isEqualTo(3 * KILLS_EACH);
            KillFigures expected = KillFigures.expectedFrom(posted.accepted());
            List<String> differences = KillSettling.awaitSettled(
                    () -> KillSettling.streamsState(stack.processor, stack.adminToken),
                    new KillReadModel(settings.database()), expected, STALL_BOUND, SETTLE_BOUND);
            assertThat(differences).as("read model against the figures counted from the acknowledged events").isEmpty();
            log("read model exact after %d s in all: %s, %,d activity rows, %,d funnel cells, %d flags, %,d open alerts",
                    seconds(started), expected.facts(), expected.activity().size(), expected.funnel().size(),
                    expected.flags().size(), expected.openAlerts().size());
        }
    }

    private static long seconds(long since) {
        return KillSettling.seconds(since);
    }
}
