package dev.pulse.bench.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.bench.results.BenchResults.Capacity;
import dev.pulse.bench.results.BenchResults.Endpoint;
import dev.pulse.bench.results.BenchResults.Freshness;
import dev.pulse.bench.results.BenchResults.HistoryLoad;
import dev.pulse.bench.results.BenchResults.Replay;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rows issue 12 asks for, as a reader of bench-results.md finds them. */
class MarkdownReportTest {

    private static final Verdict MET = new Verdict("t", true, "");

    @Test
    void shouldShowReplayLoadAndBothFreshnessRatesInQuickMode() {
        String md = MarkdownReport.of(results(new HistoryLoad(1_000_000, 20, 80, 100, false, null)));

        assertThat(md).contains("| Replay, Kafka to PostgreSQL, every topology exactly-once (1,021,000 events) | "
                + "31,000 events/s (stream processor 40,000/s; 31% of the 100,000 moonshot) | "
                + "ConsumerPerformance 400,000/s (1,000,000 records) |");
        assertThat(md).contains("| History loaded (1,000,000 events) | 100 s (pre-load to Kafka 20 s, then to PostgreSQL 80 s);"
                + " 10 M events at this rate: 16.7 min | — | — | <= 30 min for the full history | not judged in quick mode |");
        assertThat(md).contains("| Freshness at 10 events/s (offered 10, posted 10/s, 56 probes), report API | p50 40 / p95 60 / p99 80 ms |");
        assertThat(md).contains("| Freshness at 1,000 events/s (offered 1,000, posted 1,001/s, 56 probes), SSE: each probe's own"
                + " `activity` event | p50 45 / p95 300 / p99 30000 ms (1 not seen in 30 s) |");
        assertThat(md).contains("at most 50% of the slower of the replay (31,000 events/s) and ingest (20,000 events/s): 10,000 events/s.");
    }

    @Test
    void shouldJudgeTheLoadOfTheFullHistory() {
        Verdict missed = Verdict.all("<= 30 min for the full history", Verdict.atMost("<= 30 min", 45, 30, "min"));
        String md = MarkdownReport.of(results(new HistoryLoad(10_200_000, 120, 2_580, 2_700, true, missed)));
        assertThat(md).contains("| History loaded (10,200,000 events, the full history) | 45.0 min (pre-load to Kafka 120 s,"
                + " then to PostgreSQL 2580 s) | — | — | <= 30 min for the full history | **missed**: <= 30 min: 15 min over (1.5x the target) |");
    }

    private static BenchResults results(HistoryLoad load) {
        return new BenchResults("quick", "2026-12-03T10:00", "2 cores", Map.of("customers", 6_000),
                new BenchResults.Ingest(20_000, 230_000, 0.087, 90_000, 546, 500, 4, "all", 1_000_000, MET),
                new Replay(31_000, 40_000, 400_000, 0.078, 1_021_000, 1_000_000, 33, true, 0.31, MET),
                load, Capacity.of(31_000, 20_000),
                List.of(new Freshness(10, 10, 10, 56, 40, 60, 80, 42, 61, 82, 0, 0, MET),
                        new Freshness(1_000, 1_000, 1_001, 56, 41, 90, 120, 45, 300, 30_000, 0, 1, MET)),
                new BenchResults.Reports(20, 900, 60, 27_797, 6_000,
                        List.of(new Endpoint("funnel", "/f", 5, 20, 800, 900, 160, true)), "pipeline", MET),
                new BenchResults.Footprint(500, 700, 13, 450, 600, MET),
                new BenchResults.Stale(2.1, List.of(2.0, 2.1), 2, 6_000, MET), List.of());
    }
}
