package dev.pulse.bench.stack;

import dev.pulse.events.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** GETs from the report API, as the dashboards and BI tools do. */
public final class ReportClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final URI report;
    private final String token;

    /** @param token the bearer token every request carries (the stack's admin token: reports in full) */
    public ReportClient(URI report, String token) {
        this.report = report;
        this.token = token;
    }

    /** The request with the client's token, for callers that build their own (the live stream). */
    public HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + token);
    }

    public URI uri(String pathAndQuery) {
        return report.resolve(pathAndQuery);
    }

    public JsonNode get(String pathAndQuery) {
        String body = getText(pathAndQuery);
        return Json.MAPPER.readTree(body);
    }

    public String getText(String pathAndQuery) {
        HttpRequest request = authorized(HttpRequest.newBuilder(uri(pathAndQuery))).timeout(Duration.ofSeconds(120)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + pathAndQuery + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
