package dev.pulse.bench.measure;

import dev.pulse.bench.generate.EventSink;
import dev.pulse.bench.generate.LoadGenerator;
import dev.pulse.bench.generate.Progress;
import dev.pulse.bench.results.BenchResults.Freshness;
import dev.pulse.bench.results.Verdict;
import dev.pulse.bench.stack.BenchInfrastructure;
import dev.pulse.bench.stack.IngestClient;
import dev.pulse.bench.stack.ReportClient;
import dev.pulse.events.FollowUp;
import dev.pulse.events.Json;
import dev.pulse.events.Sale;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Freshness under a steady load of 1,000 follow-ups a second (NDJSON batches of 50 every 50 ms):
 * now and then a probe follow-up of a rep nobody else uses is posted, and from its 202 the probe
 * polls the rep-activity report every 5 ms until the rep's row is there. The same probe's SSE
 * figure is the first {@code activity} event on {@code /api/v1/live} that arrives after the
 * probe's last unsuccessful poll began (so within one poll of the commit that made it visible).
 */
public final class FreshnessBench {

    static final int RATE = 1_000;
    static final int LOAD_BATCH = 50;
    static final long POLL_MILLIS = 5;
    static final long TIMEOUT_NANOS = 30_000_000_000L;

    private FreshnessBench() {
    }

    public static Freshness run(IngestClient ingest, ReportClient report, LoadGenerator load, int seconds, int probeEveryMillis)
            throws Exception {
        List<String> lines = new ArrayList<>();
        load.generate(new EventSink() {
            @Override
            public void followUp(FollowUp f) {
                if (lines.size() < RATE * seconds + LOAD_BATCH) {
                    lines.add(Json.MAPPER.writeValueAsString(f));
                }
            }

            @Override
            public void sale(Sale sale) {
            }
        }, Progress.onStderr("customers (steady load)", load.scale().customers()));

        ConcurrentSkipListSet<Long> sseArrivals = new ConcurrentSkipListSet<>();
        AtomicBoolean running = new AtomicBoolean(true);
        HttpClient sseHttp = HttpClient.newHttpClient();
        Thread sse = Thread.ofPlatform().daemon().name("bench-sse").start(() -> listen(sseHttp, report, sseArrivals, running));

        List<double[]> probes = new ArrayList<>();
        double achieved;
        Progress progress = Progress.onStderr("seconds of steady load", seconds);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            // Each batch leaves on its own virtual thread at its due time, so a slow answer to one batch
            // does not lower the offered rate (a closed loop would measure the ingest, not freshness).
            Future<double[]> loader = pool.submit(() -> {
                long start = System.nanoTime();
                List<Future<?>> posts = new ArrayList<>();
                for (int b = 0; b * LOAD_BATCH + LOAD_BATCH <= lines.size() && running.get(); b++) {
                    long due = start + b * (LOAD_BATCH * 1_000_000_000L / RATE);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    if (System.nanoTime() - start > seconds * 1_000_000_000L) {
                        break;
                    }
                    String body = String.join("\n", lines.subList(b * LOAD_BATCH, b * LOAD_BATCH + LOAD_BATCH));
                    posts.add(pool.submit(() -> ingest.post("followups", body)));
                    if ((b + 1) % (RATE / LOAD_BATCH) == 0) {
                        progress.advance(1);
                    }
                }
                for (Future<?> post : posts) {
                    post.get();
                }
                return new double[] {posts.size() * LOAD_BATCH / ((System.nanoTime() - start) / 1e9)};
            });
            List<Future<double[]>> results = new ArrayList<>();
            Thread.sleep(2_000); // let the load settle before the first probe
            long end = System.nanoTime() + (seconds - 4) * 1_000_000_000L;
            int i = 0;
            while (System.nanoTime() < end) {
                int probe = i++;
                results.add(pool.submit(() -> probe(ingest, report, sseArrivals, probe)));
                Thread.sleep(probeEveryMillis);
            }
            for (Future<double[]> r : results) {
                probes.add(r.get());
            }
            achieved = loader.get()[0];
        } finally {
            running.set(false);
            sse.interrupt();
        }
        progress.done();
        double[] api = probes.stream().mapToDouble(p -> p[0]).toArray();
        double[] onSse = probes.stream().mapToDouble(p -> p[1]).filter(v -> v >= 0).toArray();
        Percentiles a = Percentiles.of(api);
        Percentiles s = onSse.length == 0 ? new Percentiles(0, -1, -1, -1, -1) : Percentiles.of(onSse);
        long late = probes.stream().filter(p -> p[0] >= TIMEOUT_NANOS / 1e6).count();
        if (late > 0) {
            System.err.println("  " + late + " of " + probes.size() + " probes were not visible within 30 s");
        }
        return new Freshness(a.p50(), a.p95(), a.p99(), s.p50(), s.p95(), s.p99(), probes.size(), Math.round(achieved),
                Verdict.all("p99 <= 500 ms", Verdict.atMost("report API p99 <= 500 ms", a.p99(), 500, "ms"),
                        Verdict.atMost("SSE p99 <= 500 ms", s.p99(), 500, "ms")));
    }

    /** Milliseconds from the 202 to the rep's row in the report, and to the SSE event (-1 if none came). */
    private static double[] probe(IngestClient ingest, ReportClient report, ConcurrentSkipListSet<Long> sse, int probe)
            throws Exception {
        String repId = "probe-" + UUID.randomUUID().toString().substring(0, 8) + "-" + probe;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String json = """
                {"eventId":"%s","customerId":"P-%s","customerName":"探针客户","phone":"13800000000","repId":"%s",
                 "teamId":"team-probe","occurredAt":"%s","channel":"PHONE","content":"新鲜度探针","stage":"LEAD"}"""
                .formatted(UUID.randomUUID(), repId, repId, now).replace("\n", "");
        ingest.post("followups", json);
        long acked = System.nanoTime();
        LocalDate today = LocalDate.now(BenchInfrastructure.ZONE);
        String query = "/api/v1/reports/rep-activity?granularity=day&from=" + today + "&to=" + today + "&repId=" + repId;
        long lastMissStarted = acked;
        while (true) {
            long pollStarted = System.nanoTime();
            if (!report.get(query).get("rows").isEmpty()) {
                double apiMs = (System.nanoTime() - acked) / 1e6;
                Long event = waitFor(sse, lastMissStarted, pollStarted + 5_000_000_000L);
                return new double[] {apiMs, event == null ? -1 : (event - acked) / 1e6};
            }
            lastMissStarted = pollStarted;
            if ((pollStarted - acked) > TIMEOUT_NANOS) {
                // Counted at the timeout rather than dropped: a probe that never shows is the worst answer.
                System.err.println("  probe " + repId + " not visible after 30 s");
                return new double[] {TIMEOUT_NANOS / 1e6, TIMEOUT_NANOS / 1e6};
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static Long waitFor(ConcurrentSkipListSet<Long> arrivals, long after, long deadline) throws InterruptedException {
        while (System.nanoTime() < deadline) {
            Long first = arrivals.ceiling(after);
            if (first != null) {
                return first;
            }
            Thread.sleep(1);
        }
        return null;
    }

    private static void listen(HttpClient http, ReportClient report, ConcurrentSkipListSet<Long> arrivals, AtomicBoolean running) {
        HttpRequest request = report.authorized(HttpRequest.newBuilder(report.uri("/api/v1/live"))).header("Accept", "text/event-stream").GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while (running.get() && (line = reader.readLine()) != null) {
                    if (line.startsWith("event:") && line.substring(6).strip().equals("activity")) {
                        arrivals.add(System.nanoTime());
                    }
                }
            }
        } catch (Exception e) {
            if (running.get()) {
                System.err.println("  SSE stream ended: " + e);
            }
        }
    }
}
