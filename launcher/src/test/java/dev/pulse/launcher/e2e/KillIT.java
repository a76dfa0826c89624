package dev.pulse.launcher.e2e;

import static dev.pulse.launcher.e2e.Chaos.log;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.events.Json;
import dev.pulse.launcher.e2e.KillWorkload.Request;
import dev.pulse.launcher.stack.StackSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
            List<Request> accepted = new ArrayList<>();
            long posting = System.nanoTime();
            try {
                for (Request request : requests) {
                    poster.postUntilAccepted(request.path(), request.ndjson());
                    accepted.add(request);
                    int before = acknowledged.getAndAdd(request.events());
                    if ((before + request.events()) / 10_000 > before / 10_000) {
                        log("%,d of %,d events acknowledged, %d retries", before + request.events(), total, poster.retries());
                    }
                }
            } finally {
                chaos.stop();
            }
            int kills = chaos.awaitAll();
            log("posted in %d s: %,d events acknowledged, %d kills, %d retried requests",
                    seconds(posting), acknowledged.get(), kills, poster.retries());

            // then
            assertThat(kills).isEqualTo(3 * KILLS_EACH);
            KillFigures expected = KillFigures.expectedFrom(accepted);
            List<String> differences = awaitSettled(stack, new KillReadModel(settings.database()), expected);
            assertThat(differences).as("read model against the figures counted from the acknowledged events").isEmpty();
            log("read model exact after %d s in all: %s, %,d activity rows, %,d funnel cells, %d flags, %,d open alerts",
                    seconds(started), expected.facts(), expected.activity().size(), expected.funnel().size(),
                    expected.flags().size(), expected.openAlerts().size());
        }
    }

    /**
     * Waits until the processor runs, the read model equals the expected figures, and the
     * projector has not moved for a few seconds (a late double would still have to pass it).
     * Gives up when the projector has not moved for {@link #STALL_BOUND} (stuck, or wrong for
     * good) or after {@link #SETTLE_BOUND} in all, so a slow machine only makes it slower.
     * Returns the differences of the last look: none once settled.
     */
    private static List<String> awaitSettled(ProcessStack stack, KillReadModel readModel, KillFigures expected) {
        long settling = System.nanoTime();
        long lastProgress = settling;
        long lastOffsets = -1;
        int quietLooks = 0;
        int looks = 0;
        while (true) {
            List<String> differences = expected.differencesFrom(readModel.figures());
            long offsets = readModel.projectedOffsets();
            String processor = streamsState(stack.processor, stack.adminToken);
            long now = System.nanoTime();
            if (offsets != lastOffsets) {
                lastProgress = now;
            }
            quietLooks = differences.isEmpty() && "RUNNING".equals(processor) && offsets == lastOffsets ? quietLooks + 1 : 0;
            if (quietLooks == 3) {
                log("settled %d s after the last request", seconds(settling));
                return differences;
            }
            if (now - lastProgress > STALL_BOUND.toNanos() || now - settling > SETTLE_BOUND.toNanos()) {
                log("gave up after %d s, %d s without progress", seconds(settling), seconds(lastProgress));
                return differences;
            }
            if (!differences.isEmpty() && ++looks % 5 == 1) {
                String first = differences.getFirst();
                log("settling (%d s): processor %s, projector at offset %,d; %s", seconds(settling), processor, offsets,
                        first.substring(0, Math.min(first.length(), 160)));
            }
            lastOffsets = offsets;
            ServiceProcess.sleep(Duration.ofSeconds(3));
        }
    }

    private static String streamsState(ServiceProcess processor, String adminToken) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + processor.port() + "/actuator/health"))
                    .header("Authorization", "Bearer " + adminToken)
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return Json.MAPPER.readTree(health.body()).path("components").path("kafkaStreams").path("details")
                    .path("state").asString("unknown");
        } catch (IOException | RuntimeException e) {
            return "unreachable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long seconds(long since) {
        return (System.nanoTime() - since) / 1_000_000_000;
    }
}
