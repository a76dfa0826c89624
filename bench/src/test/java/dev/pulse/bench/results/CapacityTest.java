package dev.pulse.bench.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.bench.results.BenchResults.Capacity;
import org.junit.jupiter.api.Test;

/** Freshness is measured at rates the pipeline can take, not at a backlog that only grows. */
class CapacityTest {

    @Test
    void shouldOfferTheTargetRateWhenHalfTheSlowerStageTakesIt() {
        Capacity capacity = Capacity.of(35_000, 20_000);
        assertThat(capacity.eventsPerSec()).isEqualTo(10_000);
        assertThat(capacity.offer(10)).isEqualTo(10);
        assertThat(capacity.offer(1_000)).isEqualTo(1_000);
    }

    @Test
    void shouldOfferHalfTheCapacityWhenTheTargetRateIsAboveIt() {
        // the replay of the unimproved pipeline: 1,800 events/s
        Capacity capacity = Capacity.of(1_800, 20_000);
        assertThat(capacity.offer(1_000)).isEqualTo(900);
        assertThat(capacity.offer(10)).isEqualTo(10);
        assertThat(Capacity.of(30_000, 1_200).offer(1_000)).as("ingest the slower").isEqualTo(600);
    }
}
