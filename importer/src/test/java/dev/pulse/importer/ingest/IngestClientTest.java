package dev.pulse.importer.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.pulse.importer.ImportSummary;
import dev.pulse.importer.Importer;
import dev.pulse.importer.ProgressBar;
import dev.pulse.importer.fixtures.SheetFixtures;
import dev.pulse.importer.sheet.Sheet;
import dev.pulse.importer.sheet.Sheets;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's side of the ingest contract, against a local HTTP server that answers as ingest
 * does (202, or 400 problem+json naming the refused records): the bearer token, NDJSON, and the
 * refused rows rejected while the rest are posted again. The real ingest is exercised by the
 * launcher's ImportEndToEndIT; what it cannot show yet is a token (issue 6) or a server that
 * refuses what the importer accepted (another pipeline configuration).
 */
class IngestClientTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/api/v1/followups", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            bodies.add(exchange.getRequestHeaders().getFirst("Content-Type") + "\n" + body);
            // The first request is refused for its second record, as ingest refuses a whole request.
            boolean refuse = bodies.size() == 1;
            byte[] answer = (refuse
                    ? "{\"title\":\"Invalid records\",\"errors\":[{\"index\":1,\"field\":\"stage\",\"message\":\"must be one of [LEAD]\"}]}"
                    : "{\"accepted\":" + body.lines().count() + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", refuse ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(refuse ? 400 : 202, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void shouldSendTheTokenAndRejectTheRowsIngestRefusesThenPostTheRestAgain() throws IOException {
        URI ingest = URI.create("http://localhost:" + server.getAddress().getPort());
        ImportSummary summary;
        try (Sheet sheet = Sheets.open(SheetFixtures.badRowsCsv(dir))) {
            summary = Importer.withDefaults().run("bad-rows.csv", sheet, new Importer.Options(null, null, false, null, 100),
                    new IngestClient(ingest, " secret-token "), null, ProgressBar.none());
        }
        assertThat(authorizations).containsExactly("Bearer secret-token", "Bearer secret-token");
        assertThat(bodies.getFirst()).startsWith("application/x-ndjson\n{\"eventId\":");
        assertThat(bodies.getFirst().lines().count()).isEqualTo(3); // content type + the two valid rows
        assertThat(bodies.get(1).lines().skip(1).toList()).containsExactly(bodies.getFirst().lines().skip(1).findFirst().orElseThrow());
        assertThat(summary.accepted()).isEqualTo(1);
        assertThat(summary.rejected()).isEqualTo(7);
        assertThat(summary.problems().getLast().row()).isEqualTo(9);
        assertThat(summary.problems().getLast().reason()).isEqualTo("refused by ingest: stage must be one of [LEAD]");
    }

    @Test
    void shouldSendNoAuthorizationWithoutAToken() throws IOException {
        new IngestClient(URI.create("http://localhost:" + server.getAddress().getPort()), null)
                .post(dev.pulse.importer.columns.EventKind.FOLLOWUPS, List.of());
        assertThat(authorizations).containsExactly("null");
    }

    @Test
    void shouldSayWhenIngestCannotBeReached() {
        server.stop(0);
        IngestClient client = new IngestClient(URI.create("http://localhost:" + server.getAddress().getPort()), null, 10);
        assertThatThrownBy(() -> client.post(dev.pulse.importer.columns.EventKind.FOLLOWUPS, List.of()))
                .isInstanceOf(IngestException.class).hasMessageStartingWith("cannot reach ingest at http://localhost:");
    }

    @Test
    void shouldPostReadyMadeNdjsonAndTreatAnyRefusalAsAnError() throws IOException {
        IngestClient client = new IngestClient(URI.create("http://localhost:" + server.getAddress().getPort()), "t");
        // The server refuses the first request for its record at index 1.
        assertThatThrownBy(() -> client.postAll(dev.pulse.importer.columns.EventKind.FOLLOWUPS, "{\"a\":1}\n{\"a\":2}"))
                .isInstanceOf(IngestException.class)
                .hasMessage("ingest refused 1 of 2 records, the first at index 1: stage must be one of [LEAD]")
                .satisfies(e -> assertThat(((IngestException) e).unreachable()).isFalse());
        assertThat(client.postAll(dev.pulse.importer.columns.EventKind.FOLLOWUPS, "{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n")).isEqualTo(3);
        assertThat(bodies.get(1)).isEqualTo("application/x-ndjson\n{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n");
        assertThat(authorizations).containsExactly("Bearer t", "Bearer t");
    }

    @Test
    void shouldTellAnUnreachableIngestFromARefusal() {
        server.stop(0);
        IngestClient client = new IngestClient(URI.create("http://localhost:" + server.getAddress().getPort()), null, 10);
        assertThatThrownBy(() -> client.postAll(dev.pulse.importer.columns.EventKind.SALES, "{}"))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.unreachable()).isTrue());
    }
}
