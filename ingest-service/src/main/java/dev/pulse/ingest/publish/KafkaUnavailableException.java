package dev.pulse.ingest.publish;

/** Kafka did not acknowledge the batch in time; nothing of it counts as accepted. */
public class KafkaUnavailableException extends RuntimeException {

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
