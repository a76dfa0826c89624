package dev.pulse.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A local HTTP server in place of the ingest API, for the clients that post to it: it keeps every
 * request to {@code /api/v1/followups} and {@code /api/v1/sales} and answers what the test tells it.
 */
public final class FakeIngest implements AutoCloseable {

    /**
     * @param number        1 for the first request the server received
     * @param authorization the header as sent, {@code "null"} when there was none
     */
    public record Request(int number, String path, String authorization, String contentType, String body) {
    }

    /** A status and its JSON body ({@code application/problem+json} from 400 on, as ingest answers). */
    public record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Function<Request, Answer> answers;
    private boolean closed;

    private FakeIngest(Function<Request, Answer> answers) throws IOException {
        this.answers = answers;
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        for (String path : List.of("/api/v1/followups", "/api/v1/sales")) {
            server.createContext(path, this::answer);
        }
        server.start();
    }

    public static FakeIngest start(Function<Request, Answer> answers) throws IOException {
        return new FakeIngest(answers);
    }

    public URI uri() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private synchronized void answer(HttpExchange exchange) throws IOException {
        Request request = new Request(requests.size() + 1, exchange.getRequestURI().getPath(),
                String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        requests.add(request);
        Answer answer = answers.apply(request);
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer.status() >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** Stops answering: a client then finds nothing listening on the port. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.stop(0);
        }
    }
}
