package dev.pulse.launcher.stack;

import dev.pulse.events.TopicNames;
import dev.pulse.events.kafka.KafkaClientSettings;
import dev.pulse.launcher.database.DatabaseSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.time.ZoneId;

/**
 * Everything the three services need to find each other. Port 0 picks a free port (tests).
 *
 * @param stateDir the stream processor's local state; it must belong to the same broker
 * @param topics   topic names shared by all three services (tests give each scenario its own)
 * @param staleCheckInterval how often the processor looks for customers crossing a threshold
 * @param webhooks alert receivers, each URL or FORMAT=URL
 * @param credentials the admin and ingest tokens the services accept, and the first admin's password
 * @param kafkaClient what every Kafka client of every service gets on top of the address (security,
 *                    replication): passed to each service as {@code pulse.kafka.*}
 */
public record StackSettings(
        String kafkaBootstrap,
        DatabaseSettings database,
        Path stateDir,
        int ingestPort,
        int reportPort,
        int processorPort,
        ZoneId zone,
        String processorApplicationId,
        String projectorGroup,
        TopicNames topics,
        Duration staleCheckInterval,
        List<String> webhooks,
        StackCredentials credentials,
        KafkaClientSettings kafkaClient) {

    public StackSettings {
        webhooks = List.copyOf(webhooks);
        kafkaClient = kafkaClient == null ? KafkaClientSettings.none() : kafkaClient;
    }

    /** A stack on a plaintext broker, topics with the broker's default replication. */
    public StackSettings(String kafkaBootstrap, DatabaseSettings database, Path stateDir, int ingestPort, int reportPort,
                         int processorPort, ZoneId zone, String processorApplicationId, String projectorGroup,
                         TopicNames topics, Duration staleCheckInterval, List<String> webhooks,
                         StackCredentials credentials) {
        this(kafkaBootstrap, database, stateDir, ingestPort, reportPort, processorPort, zone, processorApplicationId,
                projectorGroup, topics, staleCheckInterval, webhooks, credentials, KafkaClientSettings.none());
    }

    /** The same stack with these Kafka client settings. */
    public StackSettings withKafkaClient(KafkaClientSettings settings) {
        return new StackSettings(kafkaBootstrap, database, stateDir, ingestPort, reportPort, processorPort, zone,
                processorApplicationId, projectorGroup, topics, staleCheckInterval, webhooks, credentials, settings);
    }

    /** A stack with freshly generated tokens. */
    public StackSettings(String kafkaBootstrap, DatabaseSettings database, Path stateDir, int ingestPort, int reportPort,
                         int processorPort, ZoneId zone, String processorApplicationId, String projectorGroup,
                         TopicNames topics, Duration staleCheckInterval, List<String> webhooks) {
        this(kafkaBootstrap, database, stateDir, ingestPort, reportPort, processorPort, zone, processorApplicationId,
                projectorGroup, topics, staleCheckInterval, webhooks, StackCredentials.generate());
    }
}
