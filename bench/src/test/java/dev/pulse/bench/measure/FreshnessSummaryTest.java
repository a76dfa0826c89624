package dev.pulse.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.bench.measure.FreshnessBench.ProbeResult;
import dev.pulse.bench.results.BenchResults.Capacity;
import dev.pulse.bench.results.BenchResults.Freshness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreshnessSummaryTest {

    private static final Capacity AMPLE = Capacity.of(40_000, 20_000);

    @Test
    void shouldCountAProbeNeverSeenAsTheTimeoutAndSayHowMany() {
        List<ProbeResult> probes = new ArrayList<>();
        for (int i = 1; i <= 99; i++) {
            probes.add(new ProbeResult(i, i + 1));
        }
        probes.add(new ProbeResult(-1, -1));

        Freshness f = FreshnessBench.summary(probes, 1_000, 1_000, 1_001, 500, AMPLE);

        assertThat(f.p50Ms()).isEqualTo(50);
        assertThat(f.sseP50Ms()).isEqualTo(51);
        assertThat(f.p99Ms()).isEqualTo(99);
        assertThat(f.sseP99Ms()).isEqualTo(100);
        assertThat(f.apiMissed()).isEqualTo(1);
        assertThat(f.sseMissed()).isEqualTo(1);
        assertThat(f.probes()).isEqualTo(100);
        assertThat(f.verdict().met()).isTrue();

        probes.add(new ProbeResult(-1, 80));
        Freshness late = FreshnessBench.summary(probes, 1_000, 1_000, 1_001, 500, AMPLE);
        assertThat(late.p99Ms()).as("two of 101 at 30 s put p99 there").isEqualTo(30_000);
        assertThat(late.verdict().shortfall()).startsWith("report API p99 <= 500 ms: 29500 ms over");
    }

    @Test
    void shouldJudgeEachRateByItsOwnTarget() {
        List<ProbeResult> probes = List.of(new ProbeResult(250, 280), new ProbeResult(310, 290));
        assertThat(FreshnessBench.summary(probes, 10, 10, 10, 300, AMPLE).verdict().shortfall())
                .isEqualTo("report API p99 <= 300 ms: 10 ms over (1.03x the target)");
        assertThat(FreshnessBench.summary(probes, 1_000, 1_000, 1_000, 500, AMPLE).verdict().met()).isTrue();
    }

    @Test
    void shouldMissARateThatCouldNotBeOfferedWhateverTheLatency() {
        Capacity slow = Capacity.of(1_800, 20_000);
        Freshness f = FreshnessBench.summary(List.of(new ProbeResult(120, 130)), 1_000, slow.offer(1_000), 900, 500, slow);
        assertThat(f.offeredRate()).isEqualTo(900);
        assertThat(f.verdict().met()).isFalse();
        assertThat(f.verdict().shortfall())
                .isEqualTo("offered 1,000 events/s: only 900 events/s offered: 50% of the slower of replay (1,800/s)"
                        + " and ingest (20,000/s)");
    }
}
