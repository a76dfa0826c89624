package dev.pulse.events;

import dev.pulse.events.kafka.KafkaClientSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates every Pulse topic that does not exist yet, with the configured partition count and the one
 * replication setting of {@link KafkaClientSettings}. Each service calls it on start so that no topic
 * is ever auto-created with the broker's defaults.
 */
public final class TopicAdmin {

    private static final Map<String, String> KEEP_FOR_EVER = Map.of("retention.ms", "-1", "retention.bytes", "-1");

    /** 30 days: a projector stopped for longer than this must rebuild (./pulse rebuild). */
    static final String CHANGES_RETENTION_MS = String.valueOf(30L * 24 * 3600 * 1000);

    private TopicAdmin() {
    }

    public static List<NewTopic> pulseTopics(TopicNames names, KafkaClientSettings kafka) {
        Optional<Integer> partitions = Optional.of(names.partitions());
        Optional<Short> replication = kafka.replication();
        Map<String, String> everyTopic = kafka.topicConfigs();
        return List.of(
                // The input topics are the history every aggregate is rebuilt from: kept for ever.
                topic(names.followups(), partitions, replication, everyTopic, KEEP_FOR_EVER),
                topic(names.sales(), partitions, replication, everyTopic, KEEP_FOR_EVER),
                topic(names.errors(), partitions, replication, everyTopic, Map.of()),
                // Additive changes: never compacted (two changes of one customer both count).
                topic(names.changes(), partitions, replication, everyTopic,
                        Map.of("cleanup.policy", "delete", "retention.ms", CHANGES_RETENTION_MS)),
                topic(names.duplicateFlags(), partitions, replication, everyTopic, Map.of("cleanup.policy", "compact")),
                topic(names.alerts(), partitions, replication, everyTopic, Map.of("cleanup.policy", "compact")));
    }

    private static NewTopic topic(String name, Optional<Integer> partitions, Optional<Short> replication,
                                  Map<String, String> everyTopic, Map<String, String> own) {
        Map<String, String> configs = new HashMap<>(everyTopic);
        configs.putAll(own);
        return new NewTopic(name, partitions, replication).configs(configs);
    }

    /** Blocks up to {@code timeoutMs}; topics that already exist are left as they are. */
    public static void ensureTopics(String bootstrapServers, KafkaClientSettings kafka, TopicNames names, long timeoutMs)
            throws TimeoutException, InterruptedException {
        Properties props = new Properties();
        props.putAll(kafka.clientConfig(bootstrapServers));
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeoutMs);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeoutMs, 5_000));
        try (Admin admin = Admin.create(props)) {
            for (var entry : admin.createTopics(pulseTopics(names, kafka)).values().entrySet()) {
                try {
                    entry.getValue().get(timeoutMs, TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + entry.getKey() + ": "
                                + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
        }
    }
}
