package dev.pulse.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pulse.events.kafka.KafkaClientSettings;
import dev.pulse.launcher.LaunchException;
import dev.pulse.launcher.broker.ExistingKafka;
import dev.pulse.launcher.stack.StackSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The three-broker SASL/SCRAM cluster refuses a client without credentials or with wrong ones, and
 * Pulse says which setting to fix: {@code ./pulse run --kafka} in one sentence before anything
 * starts, and each service (as a child JVM, as deployed) in its log at start-up: the stream
 * processor does not start, report-api's projector and ingest's topic creation say it while they retry.
 */
class ClusterCredentialsIT {

    private static final Duration CHECK_BOUND = Duration.ofSeconds(20);
    private static final String NO_ANSWER = "did not answer in time: check KAFKA_BOOTSTRAP_SERVERS (./pulse run --kafka)"
            + " and that PULSE_KAFKA_CLIENT_SECURITY_PROTOCOL matches the listener";
    private static final String REFUSED = "refused Pulse's credentials";
    private static final String CHECK_SASL = "check PULSE_KAFKA_CLIENT_SASL_MECHANISM and PULSE_KAFKA_CLIENT_SASL_JAAS_CONFIG.";

    @RegisterExtension
    static final OwnInfrastructure<ScramCluster> own = OwnInfrastructure.of("credentials-",
            dir -> new ScramCluster(dir).start(), ScramCluster::bootstrapServers);

    @Test
    void shouldLetPulseRunInWithTheRightCredentials() {
        assertThat(ExistingKafka.check(own.bootstrapServers(), ScramCluster.client(ScramCluster.USER, ScramCluster.PASSWORD),
                CHECK_BOUND)).isNotBlank();
    }

    @Test
    void shouldEndPulseRunNamingTheSecuritySettingWhenNoCredentialsAreGiven() {
        assertThatThrownBy(() -> ExistingKafka.check(own.bootstrapServers(), KafkaClientSettings.none(), CHECK_BOUND))
                .isInstanceOf(LaunchException.class)
                .hasMessage("Kafka at " + own.bootstrapServers() + " " + NO_ANSWER
                        + " (a SASL or TLS listener drops a plaintext client without a word).");
    }

    @Test
    void shouldEndPulseRunNamingTheSaslSettingsWhenThePasswordIsWrong() {
        assertThatThrownBy(() -> ExistingKafka.check(own.bootstrapServers(),
                ScramCluster.client(ScramCluster.USER, "not-the-password"), CHECK_BOUND))
                .isInstanceOf(LaunchException.class)
                .hasMessageStartingWith("Kafka at " + own.bootstrapServers() + " " + REFUSED)
                .hasMessageEndingWith(CHECK_SASL);
    }

    @Test
    void shouldEndPulseRunNamingTheSaslSettingsWhenTheMechanismIsNotTheCluster() {
        KafkaClientSettings plain = Sasl.PLAIN.client(ScramCluster.USER, ScramCluster.PASSWORD, null, null);
        assertThatThrownBy(() -> ExistingKafka.check(own.bootstrapServers(), plain, CHECK_BOUND))
                .isInstanceOf(LaunchException.class)
                .hasMessageStartingWith("Kafka at " + own.bootstrapServers() + " " + REFUSED)
                .hasMessageEndingWith(CHECK_SASL);
    }

    @Test
    void shouldStopTheProcessorAndTellInEachServiceLogWhenThePasswordIsWrong() throws Exception {
        assertEachServiceSays("wrong-password", ScramCluster.client(ScramCluster.USER, "not-the-password"), CHECK_SASL);
    }

    @Test
    void shouldStopTheProcessorAndTellInEachServiceLogWhenNoCredentialsAreGiven() throws Exception {
        assertEachServiceSays("no-credentials", KafkaClientSettings.none(), NO_ANSWER);
    }

    /**
     * Starts the three services with {@code kafka}: the processor must exit, report-api and ingest keep
     * running and retry; every log names the setting to fix.
     */
    private static void assertEachServiceSays(String scenario, KafkaClientSettings kafka, String sentence) throws Exception {
        StackSettings settings = own.settingsFor(scenario, Duration.ofSeconds(10), kafka);
        Path logDir = Files.createDirectories(own.dir().resolve(scenario + "-logs"));
        try (ProcessStack stack = new ProcessStack(settings, logDir)) {
            stack.report.start();
            stack.ingest.start();
            try {
                stack.processor.start(); // its HTTP port may answer for the moment before Kafka refuses it
            } catch (IllegalStateException exited) {
                assertThat(exited).hasMessageContaining("stream-processor exited");
            }
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                assertThat(stack.processor.isAlive()).as("the processor without access to Kafka runs").isFalse();
                assertThat(read(stack.processor.log())).as("the processor's log")
                        .contains("Kafka at " + own.bootstrapServers()).contains(sentence);
                assertThat(read(stack.report.log())).as("report-api's log").contains("topics not ready: Kafka at "
                        + own.bootstrapServers()).contains(sentence);
                assertThat(read(stack.ingest.log())).as("ingest's log").contains("topics not created yet (Kafka at "
                        + own.bootstrapServers()).contains(sentence);
            });
        }
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
