package dev.pulse.ingest.config;

import dev.pulse.events.TopicAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the topics once the service is up, in the background: ingest must start and answer
 * 503 even while Kafka is down, rather than refuse to start.
 */
@Component
class TopicBootstrap {

    private static final Logger log = LoggerFactory.getLogger(TopicBootstrap.class);

    private final KafkaSettings kafka;

    TopicBootstrap(KafkaSettings kafka) {
        this.kafka = kafka;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createTopics() {
        Thread.ofVirtual().name("topic-bootstrap").start(() -> {
            try {
                TopicAdmin.ensureTopics(kafka.bootstrapServers(), kafka.topics(), 10_000);
            } catch (Exception e) {
                log.warn("topics not created yet ({}); they will be created by the next service that reaches Kafka", e.toString());
            } 
        });
    }
}
