package dev.pulse.report.projector;

import dev.pulse.events.TopicAdmin;
import dev.pulse.events.TopicNames;
import dev.pulse.events.kafka.KafkaClientSettings;
import dev.pulse.events.kafka.KafkaProblems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka -> PostgreSQL, exactly once. Each poll is written in one database transaction together
 * with the next offset of every partition it read; on (re)assignment the consumer seeks to the
 * offsets stored in PostgreSQL, never to Kafka's committed offsets. A crash at any point leaves
 * either the whole batch with its offsets or neither. A failed batch is retried after a back-off
 * from the stored offsets, so a database outage delays the projection and loses nothing.
 */
public final class Projector implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Projector.class);

    private final ProjectorProperties properties;
    private final KafkaClientSettings kafka;
    private final TopicNames topics;
    private final DSLContext db;
    private final Map<String, TopicWriter> writers;
    private final OffsetStore offsets;
    private final ProjectionListener listener;
    private final MeterRegistry meters;
    private final Counter projected;
    private final Counter failures;
    private final Freshness freshness;
    private final int worker;
    private volatile boolean running = true;
    private volatile Instant lastSuccess;
    private volatile String lastError;
    private KafkaConsumer<String, byte[]> consumer;

    /**
     * @param worker    which of this instance's consumers it is (0 to threads - 1)
     * @param freshness the instance's gauges, shared by its consumers
     */
    public Projector(int worker, ProjectorProperties properties, KafkaClientSettings kafka, TopicNames topics,
                     DSLContext db, List<TopicWriter> writers, ProjectionListener listener, MeterRegistry meters,
                     Freshness freshness) {
        this.worker = worker;
        this.properties = properties;
        this.kafka = kafka;
        this.topics = topics;
        this.db = db;
        this.writers = writers.stream().collect(Collectors.toMap(TopicWriter::topic, Function.identity()));
        this.offsets = new OffsetStore(properties.groupId());
        this.listener = listener;
        this.meters = meters;
        this.projected = meters.counter("pulse.projector.records");
        this.failures = meters.counter("pulse.projector.failures");
        this.freshness = freshness;
    }

    @Override
    public void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> created = new KafkaConsumer<>(consumerConfig());
                 KafkaClientMetrics metrics = new KafkaClientMetrics(created)) {
                consumer = created;
                metrics.bindTo(meters);
                ensureTopics();
                created.subscribe(writers.keySet(), new SeekToStoredOffsets());
                pollLoop(created);
            } catch (WakeupException e) {
                // stop() was called
            } catch (RuntimeException e) {
                recordFailure(e);
                pause();
            }
        }
    }

    private void ensureTopics() {
        try {
            TopicAdmin.ensureTopics(properties.bootstrapServers(), kafka, topics, 10_000);
        } catch (Exception e) {
            throw new IllegalStateException("topics not ready: " + KafkaProblems.explain(e, properties.bootstrapServers()), e);
        }
    }

    private void pollLoop(KafkaConsumer<String, byte[]> consumer) {
        while (running) {
            ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
            freshness.updateLag(worker, consumer);
            if (records.isEmpty()) {
                // Polling works and nothing failed since: an earlier failure outside a batch is over.
                lastError = null;
                continue;
            }
            try {
                Map<String, Set<Owner>> changed = project(consumer, records);
                lastSuccess = Instant.now();
                lastError = null;
                freshness.committed(records, lastSuccess);
                listener.projected(changed);
            } catch (RuntimeException e) {
                recordFailure(e);
                pause();
                seekToStored(consumer, consumer.assignment());
            }
        }
    }

    /**
     * Each topic's records of the poll (its partitions one after the other, each in offset order) go
     * to its writer at once, so a writer aggregates the whole poll into one statement per table.
     *
     * @return each topic that changed the read model, with the owners of its changes; empty after a rollback
     */
    private Map<String, Set<Owner>> project(KafkaConsumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records) {
        Map<String, List<ConsumerRecord<String, byte[]>>> byTopic = new LinkedHashMap<>();
        Map<TopicPartition, Long> next = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            byTopic.computeIfAbsent(partition.topic(), topic -> new ArrayList<>()).addAll(records.records(partition));
            // The position, not last offset + 1: it also steps over transaction markers, so stored offsets
            // equal the topic's end offset once everything is projected and lag reads true.
            next.put(partition, consumer.position(partition));
        }
        Map<String, Set<Owner>> changed = new HashMap<>();
        AtomicInteger projectedInBatch = new AtomicInteger();
        db.transaction(tx -> {
            changed.clear(); // a retried transaction starts over
            projectedInBatch.set(0);
            DSLContext txDb = tx.dsl();
            for (Map.Entry<String, List<ConsumerRecord<String, byte[]>>> topic : byTopic.entrySet()) {
                Set<Owner> owners = new HashSet<>();
                int written = writers.get(topic.getKey()).write(txDb, topic.getValue(), owners);
                projectedInBatch.addAndGet(written);
                if (written > 0) {
                    changed.computeIfAbsent(topic.getKey(), t -> new HashSet<>()).addAll(owners);
                }
            }
            offsets.save(txDb, next);
        });
        projected.increment(projectedInBatch.get());
        return changed;
    }

    private void seekToStored(KafkaConsumer<String, byte[]> consumer, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> stored = offsets.load(db, partitions);
        for (TopicPartition partition : partitions) {
            Long offset = stored.get(partition);
            if (offset == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, offset);
            }
        }
    }

    private void recordFailure(RuntimeException e) {
        failures.increment();
        lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
        log.warn("projection failed, retrying in {}: {}", properties.retryBackoff(), lastError);
    }

    private void pause() {
        try {
            Thread.sleep(properties.retryBackoff());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    public Instant lastSuccess() {
        return lastSuccess;
    }

    public String lastError() {
        return lastError;
    }

    Properties consumerConfig() {
        Properties props = new Properties();
        // the cluster's own settings (security, DNS) first: Pulse's choices below are what exactly-once needs
        props.putAll(kafka.clientConfig(properties.bootstrapServers()));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, properties.groupId());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Only committed transactions: an aborted ingest request or stream-processor attempt is never projected.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.maxPollRecords());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        if (!properties.instanceId().isEmpty()) {
            // one static member per consumer; the first keeps the instance's own name
            props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
                    worker == 0 ? properties.instanceId() : properties.instanceId() + "-" + worker);
        }
        return props;
    }

    /** On every assignment, positions come from PostgreSQL, the one place they are committed. */
    private final class SeekToStoredOffsets implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            seekToStored(consumer, partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Nothing to commit: every finished batch already committed its offsets with its rows.
        }
    }
}
