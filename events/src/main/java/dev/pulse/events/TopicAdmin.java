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
 * Creates every topic of the {@link PulseTopics} catalogue that does not exist yet, with the
 * configured partition count and the one replication setting of {@link KafkaClientSettings}. Each service calls it on start so that no topic
 * is ever auto-created with the broker's defaults.
 */
public final class TopicAdmin {

    private TopicAdmin() {
    }

    /** Every topic of the catalogue, with the one replication setting and the cluster-wide topic configs. */
    public static List<NewTopic> pulseTopics(TopicNames names, KafkaClientSettings kafka) {
        PulseTopics topics = PulseTopics.of(names);
        Optional<Integer> partitions = Optional.of(topics.partitions());
        Optional<Short> replication = kafka.replication();
        return topics.all().stream().map(topic -> {
            Map<String, String> configs = new HashMap<>(kafka.topicConfigs());
            configs.putAll(topic.configs());
            return new NewTopic(topic.name(), partitions, replication).configs(configs);
        }).toList();
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
