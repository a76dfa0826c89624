package dev.pulse.report;

import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A dashboard listening to {@code /api/v1/live} as the admin: the lines of the event stream are read
 * in the background as they come, and {@link #open} returns once the server's hello has arrived.
 * Closing it ends the stream.
 */
final class LiveStream implements AutoCloseable {

    private final HttpClient client;
    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private LiveStream(HttpClient client, HttpResponse<Stream<String>> response) {
        this.client = client;
        this.response = response;
        Thread.ofVirtual().name("sse-reader").start(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (RuntimeException e) {
                // the stream ends when the test closes it or the server goes away
            }
        });
    }

    /** @param headers request headers as name, value pairs (a browser's EventSource asks for text/event-stream) */
    static LiveStream open(RunningReport report, String... headers) throws InterruptedException, ExecutionException,
            TimeoutException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest.Builder request = RunningReport.authorized(HttpRequest.newBuilder(report.uri("/api/v1/live")));
        if (headers.length > 0) {
            request.headers(headers);
        }
        LiveStream live = new LiveStream(client, client.sendAsync(request.build(), BodyHandlers.ofLines())
                .get(10, TimeUnit.SECONDS));
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> live.lines.contains("event:hello"));
        } catch (RuntimeException | Error e) {
            live.close();
            throw e;
        }
        return live;
    }

    /** Every line received so far, in order. */
    BlockingQueue<String> lines() {
        return lines;
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } finally {
            client.close();
        }
    }
}
