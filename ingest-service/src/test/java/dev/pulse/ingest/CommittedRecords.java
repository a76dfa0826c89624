package dev.pulse.ingest;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from its beginning as every Pulse reader does: read_committed, so only committed transactions show. */
final class CommittedRecords {

    private CommittedRecords() {
    }

    /**
     * Polls {@code topic} until {@code complete} holds for everything read so far, and fails once
     * {@code bound} has passed without it. Each call is a fresh consumer in its own group.
     */
    static List<ConsumerRecord<String, String>> readUntil(String brokers, String topic,
            Predicate<List<ConsumerRecord<String, String>>> complete, Duration bound) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "ingest-it-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, bound).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> read = new ArrayList<>();
            long deadline = System.nanoTime() + bound.toNanos();
            while (!complete.test(read)) {
                if (System.nanoTime() > deadline) {
                    fail("after " + bound + " still incomplete; read from " + topic + ": " + read);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            }
            return read;
        }
    }
}
