package dev.pulse.processor.config;

import dev.pulse.events.TopicAdmin;
import dev.pulse.events.TopicNames;
import dev.pulse.events.kafka.KafkaClientSettings;
import dev.pulse.events.kafka.KafkaProblems;
import dev.pulse.events.alerts.Ladder;
import dev.pulse.processor.stale.StaleRules;
import dev.pulse.events.validation.FollowUpValidator;
import dev.pulse.events.validation.SaleValidator;
import dev.pulse.processor.PulseTopology;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Owns the KafkaStreams instance: starts it once topics exist and state is checked, closes it on shutdown. */
@Component
public class StreamsRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamsRunner.class);

    private final ProcessorProperties properties;
    private final MeterRegistry meters;
    private final PipelineProperties pipeline;
    private final KafkaClientSettings kafka;
    private final TopicNames topics;
    private volatile KafkaStreams streams;
    private KafkaStreamsMetrics streamsMetrics;

    StreamsRunner(ProcessorProperties properties, MeterRegistry meters, PipelineProperties pipeline,
                  KafkaClientSettings kafka, TopicNames topics) {
        this.properties = properties;
        this.meters = meters;
        this.pipeline = pipeline;
        this.kafka = kafka;
        this.topics = topics;
    }

    @Override
    public void start() {
        try {
            TopicAdmin.ensureTopics(properties.bootstrapServers(), kafka, topics, 30_000);
            StateDirGuard.check(properties.stateDir(), clusterId());
        } catch (Exception e) {
            throw new IllegalStateException(KafkaProblems.explain(e, properties.bootstrapServers()), e);
        }
        // ingest's rules but the clock's: a record accepted there never turns into poison here because it is replayed later
        streams = new KafkaStreams(PulseTopology.build(topics, properties.zone(),
                FollowUpValidator.forRecorded(pipeline.pipeline()), SaleValidator.forRecorded(), properties.multiRepWindow(), new StaleRules(properties.staleThresholds(),
                        properties.staleCheckInterval(), pipeline.pipeline(), Ladder.parse(properties.ladder()))), streamsConfig(properties, kafka));
        // A failed stream thread is replaced; its tasks resume from the last committed transaction.
        streams.setUncaughtExceptionHandler(e -> {
            log.error("stream thread failed; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(meters);
        streams.start();
        log.info("stream processor started: application.id={}, state={}", properties.applicationId(), properties.stateDir());
    }

    private String clusterId() throws Exception {
        Properties props = new Properties();
        props.putAll(kafka.clientConfig(properties.bootstrapServers()));
        try (Admin admin = Admin.create(props)) {
            return admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * The cluster's client settings go in unprefixed, so Kafka Streams hands them to every client it
     * makes (consumers, producers, admin, restore consumer); Pulse's own choices are put after them.
     */
    static Properties streamsConfig(ProcessorProperties properties, KafkaClientSettings kafka) {
        Properties props = new Properties();
        props.putAll(kafka.clientConfig(properties.bootstrapServers()));
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, properties.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, properties.stateDir().toAbsolutePath().toString());
        // Chosen on purpose (docs/operations.md, "Stream-processing settings"): see each line's reason.
        // Each commit ends an exactly-once transaction, and what it wrote becomes visible to the
        // projector (read_committed) only then: the interval is most of the dashboards' delay.
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, (int) properties.commitInterval().toMillis());
        // The record cache in front of the stores: a customer written many times between two commits
        // reaches RocksDB and its changelog once.
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, properties.cacheMaxBytes());
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class);
        // Batches of changes and changelog records: a short linger fills batches under load and adds
        // at most 5 ms when quiet; lz4 is cheap on CPU, which is what this machine lacks.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 2_000);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, properties.threads());
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, properties.standbyReplicas());
        // Changelog and repartition topics are replicated like Pulse's own; -1 is the broker's default.
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, kafka.replication().map(Short::intValue).orElse(-1));
        kafka.topicConfigs().forEach((name, value) -> props.put(StreamsConfig.topicPrefix(name), value));
        // Values are parsed inside the topology (poison goes to the error topic); this covers keys.
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        if (!properties.instanceId().isEmpty()) {
            // Kafka Streams appends the thread index, so every stream thread keeps a name of its own.
            props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, properties.instanceId());
        }
        return props;
    }

    public KafkaStreams.State state() {
        KafkaStreams current = streams;
        return current == null ? KafkaStreams.State.CREATED : current.state();
    }

    @Override
    public void stop() {
        KafkaStreams current = streams;
        if (current != null) {
            current.close(Duration.ofSeconds(30));
            streamsMetrics.close();
            streams = null;
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }
}
