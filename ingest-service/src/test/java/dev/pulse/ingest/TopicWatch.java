package dev.pulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.pulse.events.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One read_committed consumer on every partition of the follow-up and sale topics, from the moment
 * it is opened. {@link #arrivals()} proves completeness with IngestApiIT's marker technique, widened
 * to the whole topic: one marker record per partition of each topic goes through the API, and a
 * marker lands behind anything committed to its partition before it. So once every marker has
 * been read, the records read besides them are everything written since the previous call, down
 * to "nothing at all".
 */
final class TopicWatch implements AutoCloseable {

    private static final Duration BOUND = Duration.ofSeconds(20);

    private final RunningIngest ingest;
    private final KafkaConsumer<String, String> consumer;
    private final Map<String, List<String>> markerKeys = new HashMap<>();

    TopicWatch(String brokers, RunningIngest ingest, String... topics) {
        this.ingest = ingest;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "hostile-it-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            int count = consumer.partitionsFor(topic, BOUND).size();
            partitions.addAll(consumer.partitionsFor(topic, BOUND).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList());
            markerKeys.put(topic, keysCovering(count));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the lazy seek now, before any case runs
    }

    /** One customer id per partition, chosen as Kafka's default partitioner places keys (murmur2 of the key bytes). */
    private static List<String> keysCovering(int partitions) {
        String[] keys = new String[partitions];
        int found = 0;
        while (found < partitions) {
            String key = "marker-" + UUID.randomUUID();
            int partition = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
            if (keys[partition] == null) {
                keys[partition] = key;
                found++;
            }
        }
        return List.of(keys);
    }

    /** Every record committed to the watched topics since the last call, markers left out. */
    List<ConsumerRecord<String, String>> arrivals() {
        Set<String> markers = new HashSet<>();
        for (Map.Entry<String, List<String>> topic : markerKeys.entrySet()) {
            boolean sales = topic.getKey().equals("sales");
            ArrayNode batch = Json.MAPPER.createArrayNode();
            for (String key : topic.getValue()) {
                String eventId = UUID.randomUUID().toString();
                markers.add(eventId);
                ObjectNode marker = sales ? Samples.sale(key) : Samples.followUp(key);
                batch.add(marker.put("eventId", eventId));
            }
            var sent = ingest.post(sales ? "/api/v1/sales" : "/api/v1/followups", "application/json", batch.toString());
            assertThat(sent.statusCode()).as("marker request: %s", sent.body()).isEqualTo(202);
        }
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (seen.size() < markers.size()) {
            if (System.nanoTime() > deadline) {
                fail("after " + BOUND + " only " + seen.size() + " of " + markers.size() + " markers read; besides them: " + read);
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                String eventId = Json.MAPPER.readTree(record.value()).path("eventId").asString();
                if (markers.contains(eventId)) {
                    seen.add(eventId);
                } else {
                    read.add(record);
                }
            }
        }
        return read;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
