package dev.pulse.report;

import dev.pulse.events.TopicAdmin;
import dev.pulse.events.TopicNames;
import dev.pulse.events.kafka.KafkaClientSettings;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** One real KRaft broker for a test class, with the producers and admin queries the tests need. */
final class TestKafka implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker broker;

    private TestKafka(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    static TestKafka start() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        // Transactions need their state log; one broker cannot hold its default three replicas.
        broker.brokerProperty("transaction.state.log.replication.factor", "1");
        broker.brokerProperty("transaction.state.log.min.isr", "1");
        broker.afterPropertiesSet();
        return new TestKafka(broker);
    }

    String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    /** Topic names ending in {@code suffix}, so a test's records and offsets are its own; created before use. */
    TopicNames topics(String suffix) {
        TopicNames names = new TopicNames("followups" + suffix, "sales" + suffix, "pulse-errors" + suffix,
                "pulse-changes" + suffix, "duplicate-flags" + suffix, "alerts" + suffix, 3);
        try {
            TopicAdmin.ensureTopics(bootstrapServers(), KafkaClientSettings.none(), names, 30_000);
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return names;
    }

    /** The settings that point the report API at these topics. */
    static String[] topicSettings(TopicNames names) {
        return new String[] {
                "pulse.kafka.topics.followups=" + names.followups(),
                "pulse.kafka.topics.sales=" + names.sales(),
                "pulse.kafka.topics.errors=" + names.errors(),
                "pulse.kafka.topics.changes=" + names.changes(),
                "pulse.kafka.topics.duplicate-flags=" + names.duplicateFlags(),
                "pulse.kafka.topics.alerts=" + names.alerts()};
    }

    /** A plain idempotent producer: each send is visible to read_committed readers at once. */
    KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(producerConfig());
    }

    /** A transactional producer, already initialised: wrap sends in begin/commit or begin/abort. */
    KafkaProducer<String, byte[]> transactionalProducer() {
        Properties config = producerConfig();
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "report-it-" + UUID.randomUUID());
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config);
        producer.initTransactions();
        return producer;
    }

    /** The sum over a topic's partitions of the offset the next record would get. */
    long endOffsetSum(String topic) {
        try (Admin admin = admin()) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, partitions).boxed()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset())
                    .sum();
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the consumer group has committed to Kafka itself. */
    Map<TopicPartition, OffsetAndMetadata> committedOffsets(String groupId) {
        try (Admin admin = admin()) {
            return admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    private Admin admin() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return Admin.create(config);
    }

    private Properties producerConfig() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
