package dev.pulse.bench.results;

import java.util.List;
import java.util.Map;

/** Everything one run measured, as written to bench-results.json. Field names are the issue's. */
public record BenchResults(
        String mode,
        String date,
        String machine,
        Map<String, Object> scale,
        Ingest ingest,
        Replay replay,
        Freshness freshness,
        Reports reports,
        Footprint footprint,
        Stale stale,
        List<String> notes) {

    /** @param recordBytes mean NDJSON line, also the ProducerPerformance record size */
    public record Ingest(double eventsPerSec, double baselinePerSec, double ratio, long events, int recordBytes,
                         int batchSize, int clients, String acks, Verdict verdict) {
    }

    /** @param eventsPerSec follow-ups and sales through every topology, exactly once, steady state */
    public record Replay(double eventsPerSec, double baselinePerSec, double ratio, long events, double seconds,
                         Verdict verdict) {
    }

    /** @param sseP50Ms the same probes, to the first {@code activity} event on {@code /api/v1/live} */
    public record Freshness(double p50Ms, double p95Ms, double p99Ms, double sseP50Ms, double sseP95Ms, double sseP99Ms,
                            int probes, double loadPerSec, Verdict verdict) {
    }

    /** One endpoint beside the plain SQL that computes the same answer from the fact tables. */
    public record Endpoint(String name, String request, double p50Ms, double p99Ms, double plainSqlP50Ms,
                           double plainSqlP99Ms, double speedup, boolean sameAnswer) {
    }

    /** @param p99Ms the worst endpoint's p99; {@code speedup} the smallest of the endpoints' */
    public record Reports(double p99Ms, double plainSqlP99Ms, double speedup, long followUps, long customers,
                          List<Endpoint> endpoints, String dataLoad, Verdict verdict) {
    }

    /** @param rssMbIdle the stack's processes together (JVM plus PostgreSQL, proportional set size) */
    public record Footprint(double rssMbIdle, double rssMbLoad, double startSeconds, double jvmRssMbIdle,
                            double jvmRssMbLoad, Verdict verdict) {
    }

    /** @param lagSeconds the worst probe: threshold crossing to the webhook's receipt */
    public record Stale(double lagSeconds, List<Double> probesSeconds, double checkIntervalSeconds, long customers,
                        Verdict verdict) {
    }
}
