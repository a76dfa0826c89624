package dev.pulse.ingest.config;

import dev.pulse.events.TopicAdmin;
import dev.pulse.events.kafka.KafkaProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the topics once the service is up, in the background, retrying until Kafka answers:
 * ingest must start and answer 503 while Kafka is down, and a topic must never be auto-created
 * with the broker's defaults.
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
            for (long backoffMs = 1_000; ; backoffMs = Math.min(backoffMs * 2, 30_000)) {
                try {
                    TopicAdmin.ensureTopics(kafka.bootstrapServers(), kafka.clientSettings(), kafka.topics(), 10_000);
                    return;
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    log.warn("topics not created yet ({}); retrying in {} ms",
                            KafkaProblems.explain(e, kafka.bootstrapServers()), backoffMs);
                    try {
                        Thread.sleep(backoffMs);
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            }
        });
    }
}
