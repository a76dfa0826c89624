package dev.pulse.bench.measure;

import com.sun.net.httpserver.HttpServer;
import dev.pulse.bench.results.BenchResults.Stale;
import dev.pulse.bench.results.Verdict;
import dev.pulse.importer.columns.EventKind;
import dev.pulse.importer.ingest.IngestClient;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stale detection with the whole generated customer base in the processor's state: a probe
 * customer is posted at LEAD with its last follow-up 14 days minus a few seconds ago, so it
 * crosses the LEAD threshold at a known instant; the figure is the time from that instant to the
 * alert's arrival at a local webhook receiver.
 */
public final class StaleBench implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Instant> received = new ConcurrentHashMap<>();

    public StaleBench() throws Exception {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", exchange -> {
            Instant at = Instant.now();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int start = body.indexOf("\"S-");
            if (start >= 0 && body.contains("OPEN")) {
                received.putIfAbsent(body.substring(start + 1, body.indexOf('"', start + 1)), at);
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/alerts";
    }

    public Stale run(IngestClient ingest, Duration checkInterval, long customers, int probes) throws Exception {
        List<Double> lags = new ArrayList<>();
        for (int i = 0; i < probes; i++) {
            String customerId = "S-" + UUID.randomUUID().toString().substring(0, 8);
            Instant crossing = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
            Instant last = crossing.minus(14, ChronoUnit.DAYS);
            ingest.postAll(EventKind.FOLLOWUPS, """
                    {"eventId":"%s","customerId":"%s","customerName":"沉默客户","phone":"13900000000","repId":"rep-stale",
                     "teamId":"team-stale","occurredAt":"%s","channel":"PHONE","content":"初次联系","stage":"LEAD"}"""
                    .formatted(UUID.randomUUID(), customerId, last).replace("\n", ""));
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!received.containsKey(customerId)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no webhook for " + customerId + " within 60 s of posting it");
                }
                Thread.sleep(10);
            }
            double lag = Duration.between(crossing, received.get(customerId)).toMillis() / 1000.0;
            System.err.printf("  stale probe %d: webhook %.3f s after the threshold crossing%n", i + 1, lag);
            lags.add(lag);
        }
        double worst = lags.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double interval = checkInterval.toMillis() / 1000.0;
        return new Stale(worst, lags, interval, customers,
                Verdict.atMost("<= check interval + 1 s (" + (interval + 1) + " s)", worst, interval + 1, "s"));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
