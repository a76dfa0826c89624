package dev.pulse.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.pulse.events.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo generator posts through the importer's ingest client: its token, NDJSON to the two
 * ingest paths, and a refused batch costs it those events without stopping the backfill.
 */
class DemoGeneratorTest {

    private HttpServer server;
    private final Map<String, List<String>> bodies = new ConcurrentHashMap<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile int status = 202;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        for (String path : List.of("/api/v1/followups", "/api/v1/sales")) {
            server.createContext(path, exchange -> {
                authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
                bodies.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(
                        exchange.getRequestHeaders().getFirst("Content-Type") + "\n"
                                + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] answer = (status == 202 ? "{\"accepted\":1}"
                        : "{\"errors\":[{\"index\":0,\"field\":\"stage\",\"message\":\"invalid\"}]}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
        }
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void shouldBackfillFollowUpsAsNdjsonWithTheIngestToken() {
        new DemoGenerator(ingest(), "demo-token", Duration.ofSeconds(1)).backfill(1, 10);

        List<String> followUps = bodies.get("/api/v1/followups");
        assertThat(followUps).hasSize(1);
        List<String> lines = followUps.getFirst().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("application/x-ndjson");
        // 10 steps make 10 follow-ups; now and then one is typed in twice (a further line).
        assertThat(lines.size() - 1).isBetween(10, 20);
        for (String line : lines.subList(1, lines.size())) {
            assertThat(Json.MAPPER.readTree(line).path("customerId").asString()).startsWith("C");
        }
        assertThat(authorizations).isNotEmpty().allMatch("Bearer demo-token"::equals);
    }

    @Test
    void shouldGoOnWhenIngestRefusesABatch() {
        status = 400;
        new DemoGenerator(ingest(), "demo-token", Duration.ofSeconds(1)).backfill(1, 5);

        assertThat(bodies.get("/api/v1/followups")).hasSize(1);
    }

    private URI ingest() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }
}
