package dev.pulse.launcher.e2e;

import static dev.pulse.launcher.e2e.FollowUps.followUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pulse.events.kafka.KafkaClientSettings;
import dev.pulse.events.kafka.KafkaProblems;
import dev.pulse.launcher.Ports;
import dev.pulse.launcher.broker.KafkaBroker;
import dev.pulse.launcher.database.Database;
import dev.pulse.launcher.database.DatabaseSettings;
import dev.pulse.launcher.stack.PulseStack;
import dev.pulse.launcher.stack.StackSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A broker that speaks only SASL/PLAIN (no plaintext listener for clients): the three services reach it
 * through nothing but the {@code pulse.kafka.*} settings, and a client without them, or with a wrong
 * password, is refused with a sentence that names the setting to fix.
 */
class SaslBrokerIT {

    private static final String PULSE_PASSWORD = "pulse-secret";

    private static KafkaBroker broker;
    private static Database database;
    private static Path dir;

    @BeforeAll
    static void startSaslBroker() throws Exception {
        dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "e2e")).toAbsolutePath(), "sasl-");
        int port = Ports.freePort();
        int controllerPort = Ports.freePort();
        broker = new KafkaBroker(dir.resolve("kafka"), port, controllerPort, saslListener(port, controllerPort));
        broker.start();
        database = Database.startEmbedded(new DatabaseSettings("jdbc:postgresql://localhost:5432/pulse", "pulse", "pulse"),
                dir, Ports.freePort());
    }

    @AfterAll
    static void stop() throws Exception {
        if (broker != null) {
            broker.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /** Clients and the broker itself on SASL_PLAINTEXT with PLAIN; only the controller keeps a plaintext listener. */
    private static Map<String, String> saslListener(int port, int controllerPort) {
        Map<String, String> config = new HashMap<>();
        config.put("listeners", "SASL_PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        config.put("advertised.listeners", "SASL_PLAINTEXT://localhost:" + port);
        config.put("inter.broker.listener.name", "SASL_PLAINTEXT");
        config.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("sasl.enabled.mechanisms", "PLAIN");
        config.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        config.put("listener.name.sasl_plaintext.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"broker\" password=\"broker-secret\""
                        + " user_broker=\"broker-secret\" user_pulse=\"" + PULSE_PASSWORD + "\";");
        return config;
    }

    private static KafkaClientSettings sasl(String password) {
        return new KafkaClientSettings(Map.of(
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required"
                        + " username=\"pulse\" password=\"" + password + "\";"),
                (short) 1, (short) 1);
    }

    @Test
    void shouldRunEveryServiceThroughTheSaslListenerWithOnlyThePulseKafkaSettings() throws Exception {
        String id = "sasl-" + UUID.randomUUID().toString().substring(0, 8);
        StackSettings settings = new StackSettings(broker.bootstrapServers(), database.createDatabase(id.replace('-', '_')),
                dir.resolve(id + "-state"), 0, 0, 0, ZoneId.of("Asia/Shanghai"), id + "-processor", id + "-projector",
                EmbeddedStack.topics(id), Duration.ofSeconds(2), List.of()).withKafkaClient(sasl(PULSE_PASSWORD));
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

            try (Admin admin = Admin.create(sasl(PULSE_PASSWORD).clientConfig(broker.bootstrapServers()))) {
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
        try (Admin admin = Admin.create(withTimeouts(sasl("wrong").clientConfig(broker.bootstrapServers())))) {
            assertThatThrownBy(() -> admin.describeCluster().clusterId().get(20, TimeUnit.SECONDS))
                    .satisfies(failure -> assertThat(KafkaProblems.explain(failure, broker.bootstrapServers()))
                            .startsWith("Kafka at " + broker.bootstrapServers() + " refused Pulse's credentials")
                            .endsWith("check PULSE_KAFKA_CLIENT_SASL_MECHANISM and PULSE_KAFKA_CLIENT_SASL_JAAS_CONFIG."));
        }
    }

    @Test
    void shouldEndPulseRunWithTheSentenceWhenItsCredentialsAreRefused() {
        assertThatThrownBy(() -> dev.pulse.launcher.broker.ExistingKafka.check(broker.bootstrapServers(), sasl("wrong"),
                Duration.ofSeconds(20)))
                .isInstanceOf(dev.pulse.launcher.LaunchException.class)
                .hasMessageStartingWith("Kafka at " + broker.bootstrapServers() + " refused Pulse's credentials");
        assertThat(dev.pulse.launcher.broker.ExistingKafka.check(broker.bootstrapServers(), sasl(PULSE_PASSWORD),
                Duration.ofSeconds(20))).isNotBlank();
    }

    @Test
    void shouldNotLetAClientWithoutTheSettingsIn() {
        try (Admin admin = Admin.create(withTimeouts(KafkaClientSettings.none().clientConfig(broker.bootstrapServers())))) {
            assertThatThrownBy(() -> admin.describeCluster().clusterId().get(20, TimeUnit.SECONDS))
                    .satisfies(failure -> assertThat(KafkaProblems.explain(failure, broker.bootstrapServers()))
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
