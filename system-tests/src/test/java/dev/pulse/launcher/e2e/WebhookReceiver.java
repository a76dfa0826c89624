package dev.pulse.launcher.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP receiver for alert webhooks: records every body per path and answers as a group
 * robot does when it accepts one; a path can be told to fail its first N requests with 500, like a
 * receiver that is briefly down.
 */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    /** One request accepted, and when. */
    record Receipt(Instant at, String body) {
    }

    private final Map<String, List<Receipt>> accepted = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, Integer> failFirst = new ConcurrentHashMap<>();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int attempt = attempts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            int status = attempt <= failFirst.getOrDefault(path, 0) ? 500 : 200;
            if (status == 200) {
                accepted.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(new Receipt(Instant.now(), body));
            }
            // a robot's answer: Pulse counts a robot's message delivered only on errcode (Feishu: code) 0
            byte[] answer = "{\"errcode\":0,\"code\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    void failFirst(String path, int times) {
        failFirst.put(path, times);
    }

    List<String> accepted(String path) {
        return receipts(path).stream().map(Receipt::body).toList();
    }

    List<Receipt> receipts(String path) {
        return List.copyOf(accepted.getOrDefault(path, List.of()));
    }

    int attempts(String path) {
        AtomicInteger count = attempts.get(path);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
