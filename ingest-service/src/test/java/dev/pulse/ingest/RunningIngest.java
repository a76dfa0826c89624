package dev.pulse.ingest;

import dev.pulse.events.Json;
import dev.pulse.testsupport.RunningApplication;
import dev.pulse.testsupport.TestHttp;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * One ingest service started in this JVM on a random port and spoken to over real HTTP, as a
 * client would. Settings are passed as command-line arguments: properties given to the builder
 * are only defaults, which {@code ingest.yml} (port 8081, localhost:9092) would override.
 */
final class RunningIngest implements AutoCloseable {

    /** Configured tokens, as the launcher and docker-compose give them: one per role the tests need. */
    static final String INGEST_TOKEN = "it-ingest-token-3f9a2c7e1b";
    static final String BI_TOKEN = "it-bi-token-8d41e6a0c5f2";
    static final String ADMIN_TOKEN = "it-admin-token-77c0d9e3a4";

    /** The media types the tests send and expect back. */
    static final String JSON = "application/json";
    static final String NDJSON = "application/x-ndjson";
    static final String PROBLEM_JSON = "application/problem+json";

    private final RunningApplication app;

    private RunningIngest(RunningApplication app) {
        this.app = app;
    }

    static RunningIngest start(String... settings) {
        Stream<String> tokens = Stream.of(
                "pulse.security.tokens[0].name=it-ingest", "pulse.security.tokens[0].role=INGEST",
                "pulse.security.tokens[0].token=" + INGEST_TOKEN,
                "pulse.security.tokens[1].name=it-bi", "pulse.security.tokens[1].role=BI",
                "pulse.security.tokens[1].token=" + BI_TOKEN,
                "pulse.security.admin-token=" + ADMIN_TOKEN);
        String[] args = Stream.of(Stream.of("server.port=0"), tokens, Arrays.stream(settings)).flatMap(s -> s)
                .map(setting -> "--" + setting)
                .toArray(String[]::new);
        return new RunningIngest(RunningApplication.of(IngestApplication.builder().run(args)));
    }

    HttpResponse<String> post(String path, String contentType, String body) {
        return post(path, contentType, BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String path, String contentType, BodyPublisher body) {
        return post(path, contentType, body, "Bearer " + INGEST_TOKEN);
    }

    /** A POST with the given Authorization header, or none when it is null. */
    HttpResponse<String> post(String path, String contentType, BodyPublisher body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.uri(path))
                .header("Content-Type", contentType)
                .POST(body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return TestHttp.send(request);
    }

    /** Any method, with the INGEST token, and a Content-Type header only when {@code contentType} is not null. */
    HttpResponse<String> request(String method, String path, String contentType, BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.uri(path))
                .header("Authorization", "Bearer " + INGEST_TOKEN)
                .method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return TestHttp.send(request);
    }

    /**
     * Any method with an {@code Accept-Language} header (none when null), the given Authorization
     * (none when null) and a Content-Type only when {@code contentType} is not null.
     */
    HttpResponse<String> request(String method, String path, String contentType, String body, String authorization,
                                 String acceptLanguage) {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.uri(path))
                .method(method, BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return TestHttp.send(request);
    }

    /** A GET as an admin: the actuator's metrics are an operator's, health is anyone's. */
    HttpResponse<String> get(String path) {
        return TestHttp.send(HttpRequest.newBuilder(app.uri(path)).header("Authorization", "Bearer " + ADMIN_TOKEN).GET());
    }

    static JsonNode json(HttpResponse<String> response) {
        return Json.MAPPER.readTree(response.body());
    }

    static String contentType(HttpResponse<String> response) {
        return TestHttp.contentType(response);
    }

    @Override
    public void close() {
        app.close();
    }
}
