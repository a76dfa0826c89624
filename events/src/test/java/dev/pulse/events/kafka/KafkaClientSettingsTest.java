package dev.pulse.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.events.TopicAdmin;
import dev.pulse.events.TopicNames;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class KafkaClientSettingsTest {

    @Test
    void shouldTurnEveryPulseKafkaClientVariableIntoTheKafkaSettingOfTheSameName() {
        KafkaClientSettings settings = KafkaClientSettings.fromEnvironment(Map.of(
                "PULSE_KAFKA_CLIENT_SECURITY_PROTOCOL", "SASL_SSL",
                "PULSE_KAFKA_CLIENT_SASL_MECHANISM", "SCRAM-SHA-512",
                "PULSE_KAFKA_CLIENT_SASL_JAAS_CONFIG", "x required username=\"u\" password=\"p\";",
                "PULSE_KAFKA_CLIENT_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/truststore.p12",
                "PULSE_KAFKA_CLIENT_CLIENT_DNS_LOOKUP", "use_all_dns_ips",
                "PULSE_KAFKA_REPLICATION_FACTOR", "3",
                "PULSE_KAFKA_MIN_INSYNC_REPLICAS", "2",
                "KAFKA_BOOTSTRAP_SERVERS", "not-a-client-setting:9092",
                "PATH", "/usr/bin"));

        assertThat(settings.client()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "x required username=\"u\" password=\"p\";",
                "ssl.truststore.location", "/etc/kafka/truststore.p12",
                "client.dns.lookup", "use_all_dns_ips"));
        assertThat(settings.replicationFactor()).isEqualTo((short) 3);
        assertThat(settings.minInsyncReplicas()).isEqualTo((short) 2);
    }

    @Test
    void shouldGiveAClientTheBrokerAddressAndEverySetting() {
        KafkaClientSettings settings = new KafkaClientSettings(Map.of("security.protocol", "SASL_PLAINTEXT"), null, null);

        assertThat(settings.clientConfig("kafka-1:9092,kafka-2:9092")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "bootstrap.servers", "kafka-1:9092,kafka-2:9092", "security.protocol", "SASL_PLAINTEXT"));
    }

    @Test
    void shouldLeaveReplicationToTheBrokerWhenNotSet() {
        KafkaClientSettings settings = KafkaClientSettings.fromEnvironment(Map.of("PULSE_KAFKA_REPLICATION_FACTOR", " "));

        assertThat(settings.replication()).isEmpty();
        assertThat(settings.topicConfigs()).isEmpty();
        assertThat(TopicAdmin.pulseTopics(TopicNames.defaults(), settings))
                .allSatisfy(topic -> assertThat(topic.replicationFactor()).isEqualTo((short) -1));
    }

    @Test
    void shouldCreateEveryPulseTopicWithTheOneReplicationSetting() {
        KafkaClientSettings settings = new KafkaClientSettings(Map.of(), (short) 3, (short) 2);

        assertThat(TopicAdmin.pulseTopics(TopicNames.defaults(), settings)).hasSize(6).allSatisfy(topic -> {
            assertThat(topic.replicationFactor()).isEqualTo((short) 3);
            assertThat(topic.numPartitions()).isEqualTo(3);
            assertThat(topic.configs()).containsEntry("min.insync.replicas", "2");
        });
        NewTopic changes = TopicAdmin.pulseTopics(TopicNames.defaults(), settings).get(3);
        assertThat(changes.name()).isEqualTo("pulse-changes");
        assertThat(changes.configs()).containsEntry("cleanup.policy", "delete").containsEntry("min.insync.replicas", "2");
    }

    @Test
    void shouldRefuseSettingsThatCannotWork() {
        assertThatThrownBy(() -> new KafkaClientSettings(Map.of(), (short) 1, (short) 2))
                .hasMessageContaining("PULSE_KAFKA_MIN_INSYNC_REPLICAS (2) cannot exceed PULSE_KAFKA_REPLICATION_FACTOR (1)");
        assertThatThrownBy(() -> new KafkaClientSettings(Map.of("bootstrap.servers", "x:1"), null, null))
                .hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
        assertThatThrownBy(() -> KafkaClientSettings.fromEnvironment(Map.of("PULSE_KAFKA_REPLICATION_FACTOR", "three")))
                .hasMessage("PULSE_KAFKA_REPLICATION_FACTOR must be a number, not 'three'");
    }

    @Test
    void shouldHideSecretsWhenDescribed() {
        KafkaClientSettings settings = new KafkaClientSettings(Map.of("sasl.jaas.config", "... password=\"s3cret\";",
                "ssl.keystore.password", "s3cret", "security.protocol", "SASL_SSL"), null, null);

        assertThat(settings.describe()).containsExactlyInAnyOrderEntriesOf(Map.of("sasl.jaas.config", "(hidden)",
                "ssl.keystore.password", "(hidden)", "security.protocol", "SASL_SSL"));
    }

    @Test
    void shouldNameTheSettingToFixForARefusalOrASilence() {
        assertThat(KafkaProblems.explain(new RuntimeException(new SaslAuthenticationException("Invalid username or password")), "k:9092"))
                .isEqualTo("Kafka at k:9092 refused Pulse's credentials (Invalid username or password): check"
                        + " PULSE_KAFKA_CLIENT_SASL_MECHANISM and PULSE_KAFKA_CLIENT_SASL_JAAS_CONFIG.");
        assertThat(KafkaProblems.explain(new TimeoutException("Timed out waiting for a node assignment."), "k:9092"))
                .startsWith("Kafka at k:9092 did not answer in time: check KAFKA_BOOTSTRAP_SERVERS");
        assertThat(Optional.of(KafkaProblems.explain(new IllegalStateException("odd"), "k:9092")))
                .contains("Kafka at k:9092 is not usable: odd");
    }
}
