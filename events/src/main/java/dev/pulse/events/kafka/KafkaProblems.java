package dev.pulse.events.kafka;

import java.util.Optional;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnsupportedSaslMechanismException;

/**
 * Turns a Kafka client's failure into one sentence that names the setting to fix, for an operator
 * who pointed Pulse at a cluster of their own: a refused password must not read like a slow broker.
 */
public final class KafkaProblems {

    private KafkaProblems() {
    }

    public static String explain(Throwable failure, String bootstrapServers) {
        return recognise(failure, bootstrapServers)
                .orElse("Kafka at " + bootstrapServers + " is not usable: " + failure.getMessage());
    }

    /** The sentence for a refusal or silence anywhere in the chain of causes; empty when it is none of those. */
    public static Optional<String> recognise(Throwable failure, String bootstrapServers) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SaslAuthenticationException || cause instanceof UnsupportedSaslMechanismException) {
                return Optional.of("Kafka at " + bootstrapServers + " refused Pulse's credentials (" + cause.getMessage()
                        + "): check PULSE_KAFKA_CLIENT_SASL_MECHANISM and PULSE_KAFKA_CLIENT_SASL_JAAS_CONFIG.");
            }
            if (cause instanceof SslAuthenticationException) {
                return Optional.of("The TLS handshake with Kafka at " + bootstrapServers + " failed (" + cause.getMessage()
                        + "): check PULSE_KAFKA_CLIENT_SSL_TRUSTSTORE_LOCATION and the other PULSE_KAFKA_CLIENT_SSL_* settings.");
            }
            if (cause instanceof AuthorizationException) {
                return Optional.of("Kafka at " + bootstrapServers + " does not allow Pulse's user this (" + cause.getMessage()
                        + "): grant it on Pulse's topics and groups (docs/operations.md, Kafka cluster).");
            }
            // the client's own timeout, or the caller's wait on its future running out first (a busy machine)
            if (cause instanceof TimeoutException || cause instanceof java.util.concurrent.TimeoutException) {
                return Optional.of("Kafka at " + bootstrapServers + " did not answer in time: check KAFKA_BOOTSTRAP_SERVERS"
                        + " (./pulse run --kafka) and that PULSE_KAFKA_CLIENT_SECURITY_PROTOCOL matches the listener"
                        + " (a SASL or TLS listener drops a plaintext client without a word).");
            }
        }
        return Optional.empty();
    }
}
