package dev.pulse.launcher.e2e;

import static dev.pulse.launcher.e2e.FollowUps.followUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pulse.events.kafka.KafkaClientSettings;
import dev.pulse.events.kafka.KafkaProblems;
import dev.pulse.launcher.Ports;
import dev.pulse.launcher.broker.KafkaBroker;
import dev.pulse.launcher.stack.PulseStack;
import dev.pulse.launcher.stack.StackSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * A broker that speaks only SASL/PLAIN (no plaintext listener for clients): the three services reach it
 * through nothing but the {@code pulse.kafka.*} settings, and a client without them, or with a wrong
 * password, is refused with a sentence that names the setting to fix.
 */
class SaslBrokerIT {

    private static final String PULSE_PASSWORD = "pulse-secret";

    @RegisterExtension
    static final OwnInfrastructure<KafkaBroker> own = OwnInfrastructure.of("sasl-", SaslBrokerIT::startSaslBroker,
            KafkaBroker::bootstrapServers);

    private static KafkaBroker startSaslBroker(Path dir) {
        int port = Ports.freePort();
        int controllerPort = Ports.freePort();
        KafkaBroker broker = new KafkaBroker(dir.resolve("kafka"), port, controllerPort, saslListener(port, controllerPort));
        broker.start();
        return broker;
    }

    /** Clients and the broker itself on SASL_PLAINTEXT with PLAIN; the broker's login lists the users it knows. */
    private static Map<String, String> saslListener(int port, int controllerPort) {
        return Sasl.PLAIN.brokerListeners(port, controllerPort, Sasl.PLAIN.jaas("broker", "broker-secret",
                " user_broker=\"broker-secret\" user_pulse=\"" + PULSE_PASSWORD + "\""));
    }

    private static KafkaClientSettings sasl(String password) {
        return Sasl.PLAIN.client("pulse", password, (short) 1, (short) 1);
    }

    @Test
    void shouldRunEveryServiceThroughTheSaslListenerWithOnlyThePulseKafkaSettings() throws Exception {
        String id = "sasl-" + UUID.randomUUID().toString().substring(0, 8);
        StackSettings settings = own.settingsFor(id, Duration.ofSeconds(2), sasl(PULSE_PASSWORD));
        try (PulseStack stack = new PulseStack(settings).startAll()) {
            PulseClient client = new PulseClient(stack);
            assertThat(client.post("/api/v1/followups", "[" + followUp(UUID.randomUUID(), "cust-1", "rep-a", "team-1",
                    "2026-11-03T02:00:00Z", "PHONE") + "," + followUp(UUID.randomUUID(), "cust-2", "rep-a", "team-1",
                    "2026-11-03T03:00:00Z", "VISIT") + "]").status()).isEqualTo(202);

            // ingest's producer, the processor's Kafka Streams and the projector's consumer all took part
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode summary = client.get("/api/v1/reports/summary?from=2026-11-03&to=2026-11-03");
                assertThat(summary.get("followUps").asLong()).isEqualTo(2);
                assertThat(summary.get("customerTouches").asLong()).isEqualTo(2);
            });

            try (Admin admin = Admin.create(sasl(PULSE_PASSWORD).clientConfig(own.bootstrapServers()))) {
                Set<String> internal = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                        .filter(name -> name.startsWith(id + "-processor-")).collect(Collectors.toSet());
                assertThat(internal).as("Kafka Streams' internal topics").isNotEmpty();
                for (String topic : concat(internal, settings.topics().followups(), settings.topics().changes())) {
                    ConfigEntry minIsr = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, topic)))
                            .all().get(30, TimeUnit.SECONDS).values().iterator().next().get("min.insync.replicas");
                    assertThat(minIsr.source()).as("min.insync.replicas of %s set on the topic", topic)
                            .isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
                    assertThat(minIsr.value()).isEqualTo("1");
                }
            }
        }
    }

    @Test
    void shouldRefuseAWrongPasswordAndSaySoInOneSentence() {
        try (Admin admin = Admin.create(withTimeouts(sasl("wrong").clientConfig(own.bootstrapServers())))) {
            assertThatThrownBy(() -> admin.describeCluster().clusterId().get(20, TimeUnit.SECONDS))
                    .satisfies(failure -> assertThat(KafkaProblems.explain(failure, own.bootstrapServers()))
                            .startsWith("Kafka at " + own.bootstrapServers() + " refused Pulse's credentials")
                            .endsWith("check PULSE_KAFKA_CLIENT_SASL_MECHANISM and PULSE_KAFKA_CLIENT_SASL_JAAS_CONFIG."));
        }
    }

    @Test
    void shouldEndPulseRunWithTheSentenceWhenItsCredentialsAreRefused() {
        assertThatThrownBy(() -> dev.pulse.launcher.broker.ExistingKafka.check(own.bootstrapServers(), sasl("wrong"),
                Duration.ofSeconds(20)))
                .isInstanceOf(dev.pulse.launcher.LaunchException.class)
                .hasMessageStartingWith("Kafka at " + own.bootstrapServers() + " refused Pulse's credentials");
        assertThat(dev.pulse.launcher.broker.ExistingKafka.check(own.bootstrapServers(), sasl(PULSE_PASSWORD),
                Duration.ofSeconds(20))).isNotBlank();
    }

    @Test
    void shouldNotLetAClientWithoutTheSettingsIn() {
        try (Admin admin = Admin.create(withTimeouts(KafkaClientSettings.none().clientConfig(own.bootstrapServers())))) {
            assertThatThrownBy(() -> admin.describeCluster().clusterId().get(20, TimeUnit.SECONDS))
                    .satisfies(failure -> assertThat(KafkaProblems.explain(failure, own.bootstrapServers()))
                            .contains("did not answer in time")
                            .contains("PULSE_KAFKA_CLIENT_SECURITY_PROTOCOL"));
        }
    }

    private static Map<String, Object> withTimeouts(Map<String, Object> config) {
        Map<String, Object> bounded = new HashMap<>(config);
        bounded.put("default.api.timeout.ms", 5_000);
        bounded.put("request.timeout.ms", 3_000);
        return bounded;
    }

    private static List<String> concat(Set<String> topics, String... more) {
        return java.util.stream.Stream.concat(topics.stream(), java.util.stream.Stream.of(more)).toList();
    }
}
