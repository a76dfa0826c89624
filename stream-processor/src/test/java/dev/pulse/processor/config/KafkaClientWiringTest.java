package dev.pulse.processor.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.events.kafka.KafkaClientConfig;
import dev.pulse.events.kafka.KafkaClientSettings;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The one {@code pulse.kafka.*} prefix reaches every client Kafka Streams makes, and its internal topics. */
class KafkaClientWiringTest {

    private static final Map<String, Object> ENVIRONMENT = Map.of(
            "PULSE_KAFKA_CLIENT_SECURITY_PROTOCOL", "SASL_SSL",
            "PULSE_KAFKA_CLIENT_SASL_MECHANISM", "PLAIN",
            "PULSE_KAFKA_CLIENT_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"pulse\" password=\"pw\";",
            "PULSE_KAFKA_CLIENT_CLIENT_DNS_LOOKUP", "use_all_dns_ips",
            "PULSE_KAFKA_REPLICATION_FACTOR", "3",
            "PULSE_KAFKA_MIN_INSYNC_REPLICAS", "2");

    @Test
    void shouldBindEnvironmentVariablesUnderTheOnePrefix() {
        KafkaClientSettings settings = bind(ENVIRONMENT);

        assertThat(settings.client()).containsOnlyKeys("security.protocol", "sasl.mechanism", "sasl.jaas.config", "client.dns.lookup");
        assertThat(settings.client()).containsEntry("security.protocol", "SASL_SSL");
        assertThat(settings.replicationFactor()).isEqualTo((short) 3);
        assertThat(settings.minInsyncReplicas()).isEqualTo((short) 2);
        assertThat(settings).isEqualTo(KafkaClientSettings.fromEnvironment(stringsOf(ENVIRONMENT)));
    }

    @Test
    void shouldHandEverySettingToEveryInternalClient() {
        StreamsConfig config = new StreamsConfig(StreamsRunner.streamsConfig(properties(), bind(ENVIRONMENT)));

        for (Map<String, Object> client : java.util.List.of(
                config.getMainConsumerConfigs("pulse", "c", 0),
                config.getRestoreConsumerConfigs("c"),
                config.getGlobalConsumerConfigs("c"),
                config.getProducerConfigs("c"),
                config.getAdminConfigs("c"))) {
            assertThat(client).containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("sasl.mechanism", "PLAIN")
                    .containsEntry("client.dns.lookup", "use_all_dns_ips")
                    .containsKey("sasl.jaas.config");
        }
    }

    @Test
    void shouldReplicateInternalTopicsLikePulsesOwn() {
        StreamsConfig config = new StreamsConfig(StreamsRunner.streamsConfig(properties(), bind(ENVIRONMENT)));

        assertThat(config.getInt(StreamsConfig.REPLICATION_FACTOR_CONFIG)).isEqualTo(3);
        assertThat(config.originalsWithPrefix(StreamsConfig.TOPIC_PREFIX)).containsEntry("min.insync.replicas", "2");
    }

    @Test
    void shouldLeaveReplicationToTheBrokerAndKeepPulsesChoicesWithoutSettings() {
        StreamsConfig config = new StreamsConfig(StreamsRunner.streamsConfig(properties(), bind(Map.of())));

        assertThat(config.getInt(StreamsConfig.REPLICATION_FACTOR_CONFIG)).isEqualTo(-1);
        assertThat(config.originalsWithPrefix(StreamsConfig.TOPIC_PREFIX)).isEmpty();
        assertThat(config.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(config.getMainConsumerConfigs("pulse", "c", 0)).doesNotContainKey("security.protocol");
    }

    private static ProcessorProperties properties() {
        return new ProcessorProperties("kafka-1:9092", null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static KafkaClientSettings bind(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return new KafkaClientConfig().kafkaClientSettings(environment);
    }

    private static Map<String, String> stringsOf(Map<String, Object> variables) {
        return variables.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toString()));
    }
}
