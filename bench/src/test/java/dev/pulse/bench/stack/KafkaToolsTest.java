package dev.pulse.bench.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The baselines are read from the tools' own output, in the format Kafka 4.2 prints. */
class KafkaToolsTest {

    @Test
    void shouldTakeTheFinalSummaryOfProducerPerformanceNotAWindow() {
        String output = """
                9001 records sent, 1800.2 records/sec (0.94 MB/sec), 812.3 ms avg latency, 1500.0 ms max latency.
                20000 records sent, 4000.0 records/sec (2.08 MB/sec), 400.00 ms avg latency, 1600.00 ms max latency.
                20000 records sent, 3345.6 records/sec (1.74 MB/sec), 420.50 ms avg latency, 1600.00 ms max latency, \
                380 ms 50th, 900 ms 95th, 1200 ms 99th, 1550 ms 99.9th.
                """;
        assertThat(KafkaTools.producerRate(output, 20_000)).isEqualTo(3345.6);
        assertThatThrownBy(() -> KafkaTools.producerRate(output, 30_000)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldReadFetchRateOfConsumerPerformanceAcrossLogLines() {
        String output = """
                start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
                WARN some log line in between
                2026-11-24 08:43:18:123, 2026-11-24 08:43:20:456, 24.5000, 10.5015, 46453, 19910.4587, 1500, 833, 29.4118, 55765.9064
                """;
        assertThat(KafkaTools.consumerRate(output, 46_453)).isEqualTo(55765.9064);
        assertThatThrownBy(() -> KafkaTools.consumerRate(output, 50_000))
                .hasMessage("ConsumerPerformance read 46453 of 50000 records");
    }
}
