package dev.pulse.launcher.e2e;

import static dev.pulse.launcher.e2e.Chaos.log;

import dev.pulse.events.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** How the kill tests wait for a pipeline to be quiet after the last request, and what they ask it meanwhile. */
final class KillSettling {

    private KillSettling() {
    }

    /**
     * Waits until the processor runs, the read model equals the expected figures, and the
     * projector has not moved for a few seconds (a late double would still have to pass it).
     * Gives up when the projector has not moved for {@code stallBound} (stuck, or wrong for
     * good) or after {@code settleBound} in all, so a slow machine only makes it slower.
     * Returns the differences of the last look: none once settled.
     *
     * @param processorState the Kafka Streams state of the (surviving) processor, RUNNING when it works
     */
    static List<String> awaitSettled(Supplier<String> processorState, KillReadModel readModel, KillFigures expected,
                                     Duration stallBound, Duration settleBound) {
        long settling = System.nanoTime();
        long lastProgress = settling;
        long lastOffsets = -1;
        int quietLooks = 0;
        int looks = 0;
        while (true) {
            List<String> differences = expected.differencesFrom(readModel.figures());
            long offsets = readModel.projectedOffsets();
            String processor = processorState.get();
            long now = System.nanoTime();
            if (offsets != lastOffsets) {
                lastProgress = now;
            }
            quietLooks = differences.isEmpty() && "RUNNING".equals(processor) && offsets == lastOffsets ? quietLooks + 1 : 0;
            if (quietLooks == 3) {
                log("settled %d s after the last request", seconds(settling));
                return differences;
            }
            if (now - lastProgress > stallBound.toNanos() || now - settling > settleBound.toNanos()) {
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

    /** The processor's Kafka Streams state from its health details (an admin's), or "unreachable". */
    static String streamsState(ServiceProcess processor, String adminToken) {
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

    static long seconds(long since) {
        return (System.nanoTime() - since) / 1_000_000_000;
    }
}
