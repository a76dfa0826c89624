package dev.pulse.report.projector;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * How far behind the dashboards are, for Prometheus (docs/operations.md, Metrics):
 * <ul>
 *   <li>{@code pulse_projector_freshness_seconds} (timer, with percentiles) and
 *       {@code pulse_projector_freshness_last_seconds} (gauge): from an event's acceptance by ingest
 *       (its Kafka timestamp, which Kafka Streams carries over to the change it causes) to the commit
 *       that made its change visible in PostgreSQL;</li>
 *   <li>{@code pulse_projector_lag_records} (gauge): records on this instance's partitions not yet
 *       projected, read from the consumer's own fetch positions (no call to the broker).</li>
 * </ul>
 */
final class Freshness {

    private final String changesTopic;
    private final Timer freshness;
    private final AtomicLong lastMillis = new AtomicLong();
    /** Acceptance time (Kafka timestamp) of the newest change made visible; 0 until the first. */
    private final AtomicLong lastEventAt = new AtomicLong();
    /** Per consumer of this instance: each knows only its own partitions. */
    private final Map<Integer, Long> lagByWorker = new ConcurrentHashMap<>();

    Freshness(MeterRegistry meters, String changesTopic) {
        this.changesTopic = changesTopic;
        this.freshness = Timer.builder("pulse.projector.freshness")
                .description("event accepted by ingest -> its change committed in PostgreSQL")
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(meters);
        Gauge.builder("pulse.projector.freshness.last", lastMillis, millis -> millis.get() / 1000.0)
                .description("freshness of the last change committed, seconds")
                .baseUnit("seconds")
                .register(meters);
        Gauge.builder("pulse.projector.lag", this, Freshness::lag)
                .description("records on this instance's partitions not yet projected")
                .baseUnit("records")
                .register(meters);
    }

    /** After a batch's transaction committed: each change of the batch was visible from {@code committedAt}. */
    void committed(ConsumerRecords<String, byte[]> records, Instant committedAt) {
        long now = committedAt.toEpochMilli();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.topic().equals(changesTopic) && record.timestamp() > 0) {
                long millis = Math.max(0, now - record.timestamp());
                freshness.record(Duration.ofMillis(millis));
                lastMillis.set(millis);
                lastEventAt.accumulateAndGet(record.timestamp(), Math::max);
            }
        }
    }

    /** After every poll, empty ones too, so the gauge falls to 0 once the projector has caught up. */
    void updateLag(int worker, Consumer<?, ?> consumer) {
        long behind = 0;
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong partitionLag = consumer.currentLag(partition);
            behind += partitionLag.orElse(0);
        }
        lagByWorker.put(worker, behind);
    }

    /**
     * What the dashboards say about their data: every change accepted up to {@code asOf} is in the
     * reports (null until this instance projected one), {@code lagMs} is how long the newest took
     * to get there, {@code lagRecords} how many records wait.
     */
    FreshnessView view() {
        long at = lastEventAt.get();
        return new FreshnessView(at == 0 ? null : Instant.ofEpochMilli(at), at == 0 ? null : lastMillis.get(), lag());
    }

    long lag() {
        return lagByWorker.values().stream().mapToLong(Long::longValue).sum();
    }
}
