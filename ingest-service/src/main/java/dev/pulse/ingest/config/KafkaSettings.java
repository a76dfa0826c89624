package dev.pulse.ingest.config;

import dev.pulse.events.TopicNames;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the broker is and what the topics are called ({@code pulse.kafka.*}). */
@ConfigurationProperties("pulse.kafka")
public record KafkaSettings(String bootstrapServers, TopicNames topics) {

    public KafkaSettings {
        bootstrapServers = bootstrapServers == null ? "localhost:9092" : bootstrapServers;
        topics = topics == null ? TopicNames.defaults() : topics;
    }
}
