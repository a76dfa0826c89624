package dev.pulse.events.kafka;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What every Kafka client of every Pulse service gets on top of the broker address, bound from
 * {@code pulse.kafka.*} in each service (environment {@code PULSE_KAFKA_*}), so that a cluster behind
 * SASL or TLS is reached by the ingest producers, Kafka Streams with all its internal clients, the
 * projector's consumer and every admin client alike. Documented in docs/operations.md, "Kafka cluster".
 *
 * @param client            any Kafka client setting by its Kafka name ({@code security.protocol},
 *                          {@code sasl.mechanism}, {@code sasl.jaas.config}, {@code ssl.truststore.location},
 *                          {@code client.dns.lookup}, ...); {@code PULSE_KAFKA_CLIENT_SASL_MECHANISM=PLAIN}
 *                          is {@code sasl.mechanism=PLAIN}
 * @param replicationFactor of every topic Pulse creates, Kafka Streams' changelog and repartition topics
 *                          included; null: the broker's {@code default.replication.factor}
 * @param minInsyncReplicas {@code min.insync.replicas} of those same topics; null: the broker's default
 */
public record KafkaClientSettings(Map<String, String> client, Short replicationFactor, Short minInsyncReplicas) {

    /** The environment variables of these settings start with this. */
    public static final String ENV_PREFIX = "PULSE_KAFKA_";
    private static final String CLIENT_ENV_PREFIX = ENV_PREFIX + "CLIENT_";

    public KafkaClientSettings {
        Map<String, String> keys = new TreeMap<>();
        if (client != null) {
            client.forEach((key, value) -> keys.put(key.strip().toLowerCase(Locale.ROOT), value == null ? "" : value));
        }
        if (keys.containsKey("bootstrap.servers")) {
            // one address per service is enough; two that disagree would be worse than none
            throw new IllegalArgumentException("pulse.kafka.client.bootstrap.servers is not read: give the broker"
                    + " address with KAFKA_BOOTSTRAP_SERVERS (or ./pulse run --kafka)");
        }
        client = Map.copyOf(keys);
        if (replicationFactor != null && replicationFactor < 1) {
            throw new IllegalArgumentException("PULSE_KAFKA_REPLICATION_FACTOR must be 1 or more, not " + replicationFactor);
        }
        if (minInsyncReplicas != null && minInsyncReplicas < 1) {
            throw new IllegalArgumentException("PULSE_KAFKA_MIN_INSYNC_REPLICAS must be 1 or more, not " + minInsyncReplicas);
        }
        if (replicationFactor != null && minInsyncReplicas != null && minInsyncReplicas > replicationFactor) {
            // every acks=all write would fail with NOT_ENOUGH_REPLICAS
            throw new IllegalArgumentException("PULSE_KAFKA_MIN_INSYNC_REPLICAS (" + minInsyncReplicas
                    + ") cannot exceed PULSE_KAFKA_REPLICATION_FACTOR (" + replicationFactor + ")");
        }
    }

    /** Nothing added: a plaintext broker, topics with the broker's defaults. */
    public static KafkaClientSettings none() {
        return new KafkaClientSettings(Map.of(), null, null);
    }

    /**
     * The same settings as the services bind, read from environment variables: the launcher's own admin
     * clients use it. {@code PULSE_KAFKA_CLIENT_SASL_JAAS_CONFIG} is {@code sasl.jaas.config}: Kafka's
     * client settings are lower case words joined by dots, so the underscores stand for the dots.
     */
    public static KafkaClientSettings fromEnvironment(Map<String, String> environment) {
        Map<String, String> client = new HashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(CLIENT_ENV_PREFIX) && name.length() > CLIENT_ENV_PREFIX.length()) {
                client.put(name.substring(CLIENT_ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return new KafkaClientSettings(client, shortOrNull(environment, ENV_PREFIX + "REPLICATION_FACTOR"),
                shortOrNull(environment, ENV_PREFIX + "MIN_INSYNC_REPLICAS"));
    }

    private static Short shortOrNull(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Short.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + value + "'");
        }
    }

    /** A client's configuration: the broker address and these settings; the caller adds its own after. */
    public Map<String, Object> clientConfig(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>(client);
        config.put("bootstrap.servers", bootstrapServers);
        return config;
    }

    /** The replication factor to create topics with; empty: the broker's default. */
    public Optional<Short> replication() {
        return Optional.ofNullable(replicationFactor);
    }

    /** Topic-level settings every created topic gets (today only {@code min.insync.replicas}, when set). */
    public Map<String, String> topicConfigs() {
        return minInsyncReplicas == null ? Map.of() : Map.of("min.insync.replicas", minInsyncReplicas.toString());
    }

    /** The client settings with secrets masked, for log lines and error messages. */
    public Map<String, String> describe() {
        Map<String, String> shown = new TreeMap<>();
        client.forEach((key, value) -> shown.put(key, isSecret(key) ? "(hidden)" : value));
        return shown;
    }

    private static boolean isSecret(String key) {
        return key.contains("password") || key.contains("jaas") || key.endsWith(".key") || key.contains("secret");
    }
}
