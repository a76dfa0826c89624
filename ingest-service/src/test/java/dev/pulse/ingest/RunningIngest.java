package dev.pulse.ingest;

import dev.pulse.events.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * One ingest service started in this JVM on a random port and spoken to over real HTTP, as a
 * client would. Settings are passed as command-line arguments: properties given to the builder
 * are only defaults, which {@code ingest.yml} (port 8081, localhost:9092) would override.
 */
final class RunningIngest implements AutoCloseable {

    /** HTTP/1.1 so that a body of unknown length really goes out chunked. */
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** Far above any expected answer time: a hung request fails the test instead of blocking the build. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final ConfigurableApplicationContext context;
    private final URI base;

    private RunningIngest(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = URI.create("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
    }

    static RunningIngest start(String... settings) {
        String[] args = Stream.concat(Stream.of("server.port=0"), Arrays.stream(settings))
                .map(setting -> "--" + setting)
                .toArray(String[]::new);
        return new RunningIngest(IngestApplication.builder().run(args));
    }

    HttpResponse<String> post(String path, String contentType, String body) {
        return post(path, contentType, BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String path, String contentType, BodyPublisher body) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", contentType)
                .POST(body));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    static JsonNode json(HttpResponse<String> response) {
        return Json.MAPPER.readTree(response.body());
    }

    static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(REQUEST_TIMEOUT).build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
