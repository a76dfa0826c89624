package dev.pulse.bench.results;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerdictTest {

    @Test
    void shouldSayByHowMuchATargetIsMissed() {
        assertThat(Verdict.atMost("p99 <= 500 ms", 640, 500, "ms"))
                .isEqualTo(new Verdict("p99 <= 500 ms", false, "140 ms over (1.28x the target)"));
        assertThat(Verdict.atLeast(">= 0.5", 0.2, 0.5, "x"))
                .isEqualTo(new Verdict(">= 0.5", false, "0.3 x short (40% of the target)"));
        assertThat(Verdict.atMost("p99 <= 500 ms", 500, 500, "ms").met()).isTrue();
        assertThat(Verdict.atLeast(">= 100,000 events/s", 331, 100_000, "events/s").shortfall())
                .isEqualTo("99700 events/s short (0.331% of the target)");
    }

    @Test
    void shouldMissAllWhenAnyPartMisses() {
        Verdict all = Verdict.all("both", Verdict.atLeast("a", 2, 1, "x"), Verdict.atMost("b", 3, 1, "s"));
        assertThat(all.met()).isFalse();
        assertThat(all.shortfall()).isEqualTo("b: 2 s over (3x the target)");
    }
}
