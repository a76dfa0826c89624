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
        HistoryLoad historyLoad,
        Capacity capacity,
        List<Freshness> freshness,
        Reports reports,
        Footprint footprint,
        Stale stale,
        List<String> notes) {

    /** @param recordBytes mean NDJSON line, also the ProducerPerformance record size */
    public record Ingest(double eventsPerSec, double baselinePerSec, double ratio, long events, int recordBytes,
                         int batchSize, int clients, String acks, long baselineRecords, Verdict verdict) {
    }

    /**
     * The whole pipeline replaying a pre-loaded history: every topology under exactly-once, and the
     * projector until PostgreSQL holds everything, timed from the first committed progress.
     *
     * @param eventsPerSec      follow-ups and sales from Kafka to PostgreSQL, per second
     * @param processorPerSec   the same events through the stream processor alone (its inputs and
     *                          repartition topics caught up), while the projector ran beside it
     * @param baselinePerSec    ConsumerPerformance reading the follow-up topic, as many records
     * @param caughtUp          false when the replay was stopped at the plan's timeout; the rates are
     *                          then the stream processor's progress until then
     * @param moonshotShare     eventsPerSec over the moonshot of 100,000 events/s
     */
    public record Replay(double eventsPerSec, double processorPerSec, double baselinePerSec, double ratio, long events,
                         long followUps, double seconds, boolean caughtUp, double moonshotShare, Verdict verdict) {
    }

    /**
     * Time to load the replayed history: written to Kafka, then until PostgreSQL holds everything
     * (service start-up included). Judged in full mode only, where the history is the issue's.
     *
     * @param verdict null in quick mode
     */
    public record HistoryLoad(long events, double preloadSeconds, double pipelineSeconds, double totalSeconds,
                              boolean fullHistory, Verdict verdict) {
    }

    /**
     * What the freshness phase may offer: the slower of the whole-pipeline replay and the ingest
     * API, times {@code headroom}, since live both share the same cores with the load and the probes.
     */
    public record Capacity(double replayPerSec, double ingestPerSec, double eventsPerSec, double headroom) {

        /** Half: a stage measured alone had the machine to itself; live, ingest, processor and projector share it. */
        public static final double HEADROOM = 0.5;

        public static Capacity of(double replayPerSec, double ingestPerSec) {
            return new Capacity(replayPerSec, ingestPerSec, HEADROOM * Math.min(replayPerSec, ingestPerSec), HEADROOM);
        }

        /** The rate to offer for a target rate: the target itself, unless that is above what the pipeline can take. */
        public double offer(int targetRate) {
            return Math.min(targetRate, eventsPerSec);
        }
    }

    /**
     * Freshness at one offered rate: per probe, from the 202 of its follow-up to the first report
     * read that shows its row, and to the first SSE {@code activity} event that names its rep. A
     * probe never seen within the timeout counts as the timeout.
     *
     * @param targetRate  the rate the target is stated at
     * @param offeredRate what was offered: the target rate, or less when capacity is below it
     * @param loadPerSec  follow-ups per second actually posted, probes included
     */
    public record Freshness(int targetRate, double offeredRate, double loadPerSec, int probes, double p50Ms, double p95Ms,
                            double p99Ms, double sseP50Ms, double sseP95Ms, double sseP99Ms, int apiMissed, int sseMissed,
                            Verdict verdict) {
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
