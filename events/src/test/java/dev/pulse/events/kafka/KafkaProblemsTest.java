package dev.pulse.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class KafkaProblemsTest {

    private static final String KAFKA = "localhost:9092";

    @Test
    void shouldCallSilenceSilenceWhetherTheClientOrTheWaitOnItsFutureTimedOut() {
        // a plaintext client at a SASL listener hears nothing: the admin call times out, or the caller's get() first
        String clientTimedOut = KafkaProblems.explain(new IllegalStateException(new ExecutionException(
                new TimeoutException("Timed out waiting for a node assignment"))), KAFKA);
        String waitTimedOut = KafkaProblems.explain(new IllegalStateException(new java.util.concurrent.TimeoutException()),
                KAFKA);

        assertThat(clientTimedOut).isEqualTo(waitTimedOut).startsWith("Kafka at localhost:9092 did not answer in time:")
                .contains("PULSE_KAFKA_CLIENT_SECURITY_PROTOCOL");
    }

    @Test
    void shouldNameTheCredentialsWhenTheyAreRefused() {
        assertThat(KafkaProblems.explain(new SaslAuthenticationException("bad password"), KAFKA))
                .contains("refused Pulse's credentials (bad password)").contains("PULSE_KAFKA_CLIENT_SASL_JAAS_CONFIG");
    }

    @Test
    void shouldFallBackToTheMessageForAnythingElse() {
        assertThat(KafkaProblems.explain(new IllegalArgumentException("boom"), KAFKA))
                .isEqualTo("Kafka at localhost:9092 is not usable: boom");
    }
}
