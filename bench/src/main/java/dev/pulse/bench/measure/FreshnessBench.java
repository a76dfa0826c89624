package dev.pulse.bench.measure;

import dev.pulse.bench.generate.EventSink;
import dev.pulse.bench.generate.LoadGenerator;
import dev.pulse.bench.generate.Progress;
import dev.pulse.bench.results.BenchResults.Capacity;
import dev.pulse.bench.results.BenchResults.Freshness;
import dev.pulse.bench.results.Verdict;
import dev.pulse.bench.stack.BenchInfrastructure;
import dev.pulse.bench.stack.ReportClient;
import dev.pulse.bench.stack.SseEvents;
import dev.pulse.events.FollowUp;
import dev.pulse.events.Json;
import dev.pulse.events.Sale;
import dev.pulse.importer.columns.EventKind;
import dev.pulse.importer.ingest.IngestClient;
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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/**
 * Freshness at one offered rate of follow-ups (open loop: each NDJSON batch leaves on its own
 * virtual thread at its due time). Four times a second a probe follow-up of a rep nobody else uses
 * is part of that rate. Per probe, from its 202:
 * <ul>
 *   <li>SSE: the first {@code activity} event on {@code /api/v1/live} whose data names the probe's
 *       rep, so each probe is timed by its own change, never by anyone's;</li>
 *   <li>report API: the first rep-activity read that returns the probe's row. Reads are made once as
 *       soon as the probe's own SSE event arrives, and otherwise with a back-off from 5 ms doubling
 *       to 100 ms, so a slow pipeline is not also loaded by the probes polling it.</li>
 * </ul>
 * A probe not seen within 30 s counts as 30 s: the worst answer is not dropped.
 */
public final class FreshnessBench {

    static final int PROBE_EVERY_MILLIS = 250;
    static final long FIRST_READ_NANOS = 5_000_000L;
    static final long MAX_READ_NANOS = 100_000_000L;
    static final long TIMEOUT_NANOS = 30_000_000_000L;
    /** Batches a second of the background load: 50 at 1,000/s, one at a time at low rates. */
    static final int BATCHES_PER_SEC = 20;

    private FreshnessBench() {
    }

    /** At least {@code count} follow-ups of the steady-load sales floor, as NDJSON lines. */
    public static List<String> loadLines(LoadGenerator load, long count) {
        List<String> lines = new ArrayList<>();
        load.generateFollowUps(count, new EventSink() {
            @Override
            public void followUp(FollowUp f) {
                lines.add(Json.MAPPER.writeValueAsString(f));
            }

            @Override
            public void sale(Sale sale) {
                // the steady load is follow-ups, as a busy sales floor's is
            }
        }, Progress.onStderr("follow-ups (steady load)", count));
        return lines;
    }

    /**
     * @param lines      background follow-ups for this run (at least {@code offered * seconds}), used once
     * @param targetRate the rate the target is stated at; {@code offered} is what capacity allows of it
     */
    public static Freshness run(IngestClient ingest, ReportClient report, List<String> lines, int targetRate,
                                double offered, int seconds, double p99TargetMs, Capacity capacity) throws Exception {
        Probes probes = new Probes();
        HttpClient sseHttp = HttpClient.newHttpClient();
        AtomicReference<InputStream> sseBody = new AtomicReference<>();
        CountDownLatch connected = new CountDownLatch(1);
        Thread sse = Thread.ofPlatform().daemon().name("bench-sse").start(() -> listen(sseHttp, report, probes, sseBody,
                connected));
        if (!connected.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the live stream did not say hello within 30 s");
        }

        double probesPerSec = 1_000.0 / PROBE_EVERY_MILLIS;
        double background = Math.max(0, offered - probesPerSec);
        int batch = (int) Math.max(1, Math.round(background / BATCHES_PER_SEC));
        long batchNanos = background > 0 ? (long) (batch * 1e9 / background) : Long.MAX_VALUE;
        long windowNanos = seconds * 1_000_000_000L;
        System.err.printf("  offering %,.0f follow-ups/s for %d s: %,.0f background (%d every %d ms) and %.0f probes%n",
                offered, seconds, background, batch, batchNanos == Long.MAX_VALUE ? 0 : batchNanos / 1_000_000, probesPerSec);
        Progress progress = Progress.onStderr("seconds at " + Math.round(offered) + " follow-ups/s", seconds);
        List<ProbeResult> results = new ArrayList<>();
        AtomicLong posted = new AtomicLong();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            long start = System.nanoTime();
            Future<?> loader = pool.submit(() -> {
                List<Future<?>> posts = new ArrayList<>();
                for (int b = 0; (b + 1) * batch <= lines.size(); b++) {
                    long due = start + b * batchNanos;
                    if (batchNanos == Long.MAX_VALUE || due - start >= windowNanos) {
                        break;
                    }
                    sleepUntil(due);
                    String body = String.join("\n", lines.subList(b * batch, (b + 1) * batch));
                    posts.add(pool.submit(() -> ingest.postAll(EventKind.FOLLOWUPS, body)));
                    posted.addAndGet(batch);
                }
                if (lines.size() < (long) (background * seconds)) {
                    System.err.printf("  ! only %,d background follow-ups for %,.0f wanted%n", lines.size(), background * seconds);
                }
                for (Future<?> post : posts) {
                    post.get();
                }
                return null;
            });
            List<Future<ProbeResult>> pending = new ArrayList<>();
            for (int i = 0; ; i++) {
                long due = start + (i + 1) * PROBE_EVERY_MILLIS * 1_000_000L;
                if (due - start >= windowNanos) {
                    break;
                }
                sleepUntil(due);
                int n = i;
                pending.add(pool.submit(() -> probe(ingest, report, probes, n)));
                posted.incrementAndGet();
                if ((i + 1) % (1_000 / PROBE_EVERY_MILLIS) == 0) {
                    progress.advance(1);
                }
            }
            progress.done();
            loader.get();
            System.err.println("  load posted; waiting for the last probes");
            for (Future<ProbeResult> r : pending) {
                results.add(r.get());
            }
        } finally {
            probes.stop();
            InputStream body = sseBody.get();
            if (body != null) {
                body.close();
            }
            sse.interrupt();
            sseHttp.shutdownNow();
        }
        if (results.stream().anyMatch(r -> r.sseMs() < 0) && !probes.repIdsSeen.get()) {
            System.err.println("  ! no activity event named any rep: this report-api's live stream does not say whose rows"
                    + " changed, so the SSE figure cannot be taken per probe");
        }
        return summary(results, targetRate, offered, posted.get() / (double) seconds, p99TargetMs, capacity);
    }

    /** The probes' percentiles and the verdict; a probe not seen counts as the timeout. */
    static Freshness summary(List<ProbeResult> results, int targetRate, double offered, double loadPerSec,
                             double p99TargetMs, Capacity capacity) {
        double timeoutMs = TIMEOUT_NANOS / 1e6;
        Percentiles api = Percentiles.of(results.stream().mapToDouble(r -> r.apiMs() < 0 ? timeoutMs : r.apiMs()).toArray());
        Percentiles sse = Percentiles.of(results.stream().mapToDouble(r -> r.sseMs() < 0 ? timeoutMs : r.sseMs()).toArray());
        int apiMissed = (int) results.stream().filter(r -> r.apiMs() < 0).count();
        int sseMissed = (int) results.stream().filter(r -> r.sseMs() < 0).count();
        if (apiMissed > 0 || sseMissed > 0) {
            System.err.printf("  ! of %d probes, %d not in the report API and %d without their SSE event within 30 s%n",
                    results.size(), apiMissed, sseMissed);
        }
        System.err.printf("  report API p50 %.0f / p95 %.0f / p99 %.0f ms; SSE p50 %.0f / p95 %.0f / p99 %.0f ms%n",
                api.p50(), api.p95(), api.p99(), sse.p50(), sse.p95(), sse.p99());
        String rate = String.format("%,d events/s", targetRate);
        List<Verdict> parts = new ArrayList<>(List.of(
                Verdict.atMost("report API p99 <= " + (int) p99TargetMs + " ms", api.p99(), p99TargetMs, "ms"),
                Verdict.atMost("SSE p99 <= " + (int) p99TargetMs + " ms", sse.p99(), p99TargetMs, "ms")));
        if (offered < targetRate) {
            parts.add(new Verdict("offered " + rate, false, String.format(
                    "only %,.0f events/s offered: %.0f%% of the slower of replay (%,.0f/s) and ingest (%,.0f/s)", offered,
                    100 * capacity.headroom(), capacity.replayPerSec(), capacity.ingestPerSec())));
        }
        Verdict verdict = Verdict.all("p99 <= " + (int) p99TargetMs + " ms at " + rate + ", report API and SSE",
                parts.toArray(Verdict[]::new));
        return new Freshness(targetRate, IngestBench.round(offered), IngestBench.round(loadPerSec), results.size(),
                api.p50(), api.p95(), api.p99(), sse.p50(), sse.p95(), sse.p99(), apiMissed, sseMissed, verdict);
    }

    /** Milliseconds from the 202 to the row in the report and to the probe's own SSE event; -1 if not within 30 s. */
    record ProbeResult(double apiMs, double sseMs) {
    }

    /**
     * A read the report API refuses (a 5xx: under load at full scale its connection pool ran dry)
     * is a probe not seen yet, not the end of the run: the probe counts as a miss if it never shows.
     */
    private static boolean rowVisible(ReportClient report, String query) {
        try {
            return !report.get(query).get("rows").isEmpty();
        } catch (IllegalStateException refused) {
            System.err.println("  probe read refused: " + refused.getMessage().lines().findFirst().orElse(""));
            return false;
        }
    }

    private static ProbeResult probe(IngestClient ingest, ReportClient report, Probes probes, int n) throws Exception {
        String repId = "probe-" + UUID.randomUUID().toString().substring(0, 8) + "-" + n;
        CompletableFuture<Long> ownEvent = probes.expect(repId);
        try {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            String json = """
                    {"eventId":"%s","customerId":"P-%s","customerName":"探针客户","phone":"13800000000","repId":"%s",
                     "teamId":"team-probe","occurredAt":"%s","channel":"PHONE","content":"新鲜度探针","stage":"LEAD"}"""
                    .formatted(UUID.randomUUID(), repId, repId, now).replace("\n", "");
            ingest.postAll(EventKind.FOLLOWUPS, json);
            long acked = System.nanoTime();
            LocalDate today = LocalDate.now(BenchInfrastructure.ZONE);
            String query = "/api/v1/reports/rep-activity?granularity=day&from=" + today + "&to=" + today + "&repId=" + repId;
            double apiMs = -1;
            long pause = FIRST_READ_NANOS;
            boolean readOnEvent = false;
            while (System.nanoTime() - acked <= TIMEOUT_NANOS) {
                if (rowVisible(report, query)) {
                    apiMs = (System.nanoTime() - acked) / 1e6;
                    break;
                }
                if (!readOnEvent) {
                    try {
                        ownEvent.get(pause, TimeUnit.NANOSECONDS);
                        readOnEvent = true;
                        continue; // read once, now: the row was committed before the event was sent
                    } catch (TimeoutException e) {
                        // no event yet: read again after the pause
                    }
                } else {
                    TimeUnit.NANOSECONDS.sleep(pause);
                }
                pause = Math.min(2 * pause, MAX_READ_NANOS);
            }
            Long eventAt;
            try {
                eventAt = ownEvent.get(Math.max(0, acked + TIMEOUT_NANOS - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                eventAt = null;
            }
            if (apiMs < 0) {
                System.err.println("  probe " + repId + " not visible after 30 s");
            }
            return new ProbeResult(apiMs, eventAt == null ? -1 : (eventAt - acked) / 1e6);
        } finally {
            probes.forget(repId);
        }
    }

    /** The probes waiting for their own SSE event, by rep id. */
    private static final class Probes {
        private final Map<String, CompletableFuture<Long>> waiting = new ConcurrentHashMap<>();
        private final AtomicBoolean repIdsSeen = new AtomicBoolean();
        private final AtomicBoolean running = new AtomicBoolean(true);

        CompletableFuture<Long> expect(String repId) {
            CompletableFuture<Long> future = new CompletableFuture<>();
            waiting.put(repId, future);
            return future;
        }

        void forget(String repId) {
            waiting.remove(repId);
        }

        /** An activity event arrived at {@code at} (nanoTime) with this data. */
        void activity(String data, long at) {
            JsonNode repIds;
            try {
                repIds = Json.MAPPER.readTree(data).get("repIds");
            } catch (RuntimeException e) {
                return; // data that is not JSON names nobody
            }
            if (repIds == null || !repIds.isArray()) {
                return;
            }
            repIdsSeen.set(true);
            for (JsonNode repId : repIds) {
                CompletableFuture<Long> probe = waiting.get(repId.asString());
                if (probe != null) {
                    probe.complete(at);
                }
            }
        }

        void stop() {
            running.set(false);
        }
    }

    private static void listen(HttpClient http, ReportClient report, Probes probes, AtomicReference<InputStream> body,
                               CountDownLatch connected) {
        HttpRequest request = report.authorized(HttpRequest.newBuilder(report.uri("/api/v1/live")))
                .header("Accept", "text/event-stream").GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            body.set(response.body());
            SseEvents events = new SseEvents();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while (probes.running.get() && (line = reader.readLine()) != null) {
                    SseEvents.Event event = events.line(line);
                    if (event == null) {
                        continue;
                    }
                    long at = System.nanoTime();
                    if (event.name().equals("hello")) {
                        connected.countDown();
                    } else if (event.name().equals("activity")) {
                        probes.activity(event.data(), at);
                    }
                }
            }
        } catch (Exception e) {
            if (probes.running.get()) {
                System.err.println("  SSE stream ended: " + e);
            }
        }
    }

    private static void sleepUntil(long due) throws InterruptedException {
        long wait = due - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
