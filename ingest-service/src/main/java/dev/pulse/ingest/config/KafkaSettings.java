package dev.pulse.ingest.config;

import dev.pulse.events.TopicNames;
import dev.pulse.events.kafka.KafkaClientSettings;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the broker is, what the topics are called, and what every Kafka client gets on top
 * ({@code pulse.kafka.*}, the prefix all three services share: see {@link KafkaClientSettings}).
 */
@ConfigurationProperties("pulse.kafka")
public record KafkaSettings(String bootstrapServers, TopicNames topics, Map<String, String> client,
                            Short replicationFactor, Short minInsyncReplicas) {

    public KafkaSettings {
        bootstrapServers = bootstrapServers == null ? "localhost:9092" : bootstrapServers;
        topics = topics == null ? TopicNames.defaults() : topics;
    }

    public KafkaClientSettings clientSettings() {
        return new KafkaClientSettings(client, replicationFactor, minInsyncReplicas);
    }
}
