package dev.pulse.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.events.Json;
import dev.pulse.testsupport.FakeIngest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo generator posts through the importer's ingest client: its token, NDJSON to the two
 * ingest paths, and a refused batch costs it those events without stopping the backfill.
 */
class DemoGeneratorTest {

    private volatile int status = 202;
    private FakeIngest ingest;

    @BeforeEach
    void start() throws IOException {
        ingest = FakeIngest.start(request -> status == 202 ? new FakeIngest.Answer(202, "{\"accepted\":1}")
                : new FakeIngest.Answer(status, "{\"errors\":[{\"index\":0,\"field\":\"stage\",\"message\":\"invalid\"}]}"));
    }

    @AfterEach
    void stop() {
        ingest.close();
    }

    @Test
    void shouldBackfillFollowUpsAsNdjsonWithTheIngestToken() {
        new DemoGenerator(ingest.uri(), "demo-token", Duration.ofSeconds(1)).backfill(1, 10);

        List<FakeIngest.Request> followUps = posted("/api/v1/followups");
        assertThat(followUps).hasSize(1);
        assertThat(followUps.getFirst().contentType()).isEqualTo("application/x-ndjson");
        List<String> lines = followUps.getFirst().body().lines().toList();
        // 10 steps make 10 follow-ups; now and then one is typed in twice (a further line).
        assertThat(lines.size()).isBetween(10, 20);
        for (String line : lines) {
            assertThat(Json.MAPPER.readTree(line).path("customerId").asString()).startsWith("C");
        }
        assertThat(ingest.requests()).isNotEmpty().allMatch(request -> request.authorization().equals("Bearer demo-token"));
    }

    @Test
    void shouldGoOnWhenIngestRefusesABatch() {
        status = 400;
        new DemoGenerator(ingest.uri(), "demo-token", Duration.ofSeconds(1)).backfill(1, 5);

        assertThat(posted("/api/v1/followups")).hasSize(1);
    }

    private List<FakeIngest.Request> posted(String path) {
        return ingest.requests().stream().filter(request -> request.path().equals(path)).toList();
    }
}
