package dev.pulse.importer.ingest;

import dev.pulse.events.Json;
import dev.pulse.importer.columns.EventKind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one client that posts to the ingest API: batches of events as NDJSON, with
 * {@code Authorization: Bearer} when a token is given. The importer, the launcher's demo generator
 * and the bench all post through it. A batch is all or nothing on the server; a 400 names the
 * records it refused, which the importer drops before posting the rest again. A 503 or a refused
 * connection is retried with back-off: the eventIds are fixed, so a retried batch counts once.
 */
public final class IngestClient implements EventSink {

    private static final int ATTEMPTS = 4;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String token;
    private final long firstRetryMillis;

    public IngestClient(URI base, String token) {
        this(base, token, 1_000);
    }

    /** @param firstRetryMillis the first back-off; it doubles for each further attempt */
    IngestClient(URI base, String token, long firstRetryMillis) {
        this.base = base;
        this.token = token == null || token.isBlank() ? null : token.strip();
        this.firstRetryMillis = firstRetryMillis;
    }

    @Override
    public Outcome post(EventKind kind, List<ObjectNode> events) throws IOException {
        StringBuilder body = new StringBuilder(events.size() * 400);
        for (ObjectNode event : events) {
            body.append(event.toString()).append('\n');
        }
        return post(kind.ingestPath(), body.toString(), events.size());
    }

    /**
     * Posts NDJSON that the caller has written itself (the bench's prepared batches, the demo's
     * events), for callers to whom a refused record is a fault of their own, not a row to report.
     *
     * @return how many records ingest accepted
     * @throws IngestException when ingest refused any record, the token, or could not be reached
     */
    public int postAll(EventKind kind, String ndjson) throws IOException {
        int records = (int) ndjson.lines().filter(line -> !line.isBlank()).count();
        Outcome outcome = post(kind.ingestPath(), ndjson, records);
        if (!outcome.refusals().isEmpty()) {
            Refusal first = outcome.refusals().getFirst();
            throw new IngestException("ingest refused " + outcome.refusals().size() + " of " + records
                    + " records, the first at index " + first.index() + ": " + first.field() + " " + first.message());
        }
        return outcome.accepted();
    }

    private Outcome post(String path, String body, int records) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-ndjson")
                // English: the importer reads a refusal's words back into the catalogue's code and both texts
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = send(request.build());
        return switch (response.statusCode()) {
            case 202 -> new Outcome(records, List.of());
            case 400 -> new Outcome(0, refused(response.body()));
            case 401, 403 -> throw new IngestException("ingest refused the token (" + response.statusCode()
                    + "): set PULSE_TOKEN to a valid ingest token");
            default -> throw new IngestException("ingest answered " + response.statusCode() + ": " + abbreviate(response.body()));
        };
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        IngestException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (response.statusCode() != 503) {
                    return response;
                }
                last = new IngestException("ingest answered 503: " + abbreviate(response.body()));
            } catch (ConnectException | HttpTimeoutException e) {
                last = new IngestException("cannot reach ingest at " + base + ": " + e.getClass().getSimpleName(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IngestException("interrupted while posting to ingest", e);
            }
            if (attempt < ATTEMPTS) {
                sleep(firstRetryMillis << (attempt - 1));
            }
        }
        throw last;
    }

    private static List<Refusal> refused(String body) throws IOException {
        JsonNode problem = Json.MAPPER.readTree(body);
        List<Refusal> refusals = new ArrayList<>();
        for (JsonNode error : problem.path("errors")) {
            refusals.add(new Refusal(error.path("index").asInt(), error.path("field").asString(""),
                    error.path("message").asString("")));
        }
        if (refusals.isEmpty()) {
            throw new IngestException("ingest answered 400: " + abbreviate(body));
        }
        return refusals;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestException("interrupted while waiting to retry", e);
        }
    }
}
