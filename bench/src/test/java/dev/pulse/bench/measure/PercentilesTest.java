package dev.pulse.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void shouldTakeNearestRankOfAHundredValuesInAnyOrder() {
        // 100, 99, ..., 1: the p-th percentile by nearest rank is the value p itself.
        double[] values = IntStream.rangeClosed(1, 100).map(i -> 101 - i).asDoubleStream().toArray();
        Percentiles p = Percentiles.of(values);
        assertThat(p.p50()).isEqualTo(50.0);
        assertThat(p.p95()).isEqualTo(95.0);
        assertThat(p.p99()).isEqualTo(99.0);
        assertThat(p.max()).isEqualTo(100.0);
        assertThat(p.count()).isEqualTo(100);
        assertThat(values[0]).as("the input is left as it was").isEqualTo(100.0);
    }

    @Test
    void shouldReturnAMeasuredValueForFewSamples() {
        Percentiles p = Percentiles.of(new double[] {7, 3, 5});
        // ranks: ceil(1.5) = 2 -> 5; ceil(2.85) = 3 -> 7; ceil(2.97) = 3 -> 7
        assertThat(p.p50()).isEqualTo(5.0);
        assertThat(p.p95()).isEqualTo(7.0);
        assertThat(p.p99()).isEqualTo(7.0);
        assertThat(Percentiles.of(new double[] {42}).p50()).isEqualTo(42.0);
    }

    @Test
    void shouldRefuseNoValues() {
        assertThatThrownBy(() -> Percentiles.of(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
