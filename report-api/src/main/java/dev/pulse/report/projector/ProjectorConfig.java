package dev.pulse.report.projector;

import dev.pulse.events.PulseTopics;
import dev.pulse.events.TopicNames;
import dev.pulse.events.kafka.KafkaClientSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the projector's consumers and runs each on its own thread for the lifetime of the application. */
@Configuration
class ProjectorConfig {

    /** The instance's freshness gauges, shared by its consumers and read by GET /api/v1/freshness. */
    @Bean
    Freshness freshness(MeterRegistry meters, TopicNames names) {
        return new Freshness(meters, PulseTopics.of(names).changes().name());
    }

    /** The instance's consumers, each with writers of its own (they keep no state between batches, but need not be shared). */
    @Bean
    Projectors projectors(ProjectorProperties properties, KafkaClientSettings kafka, TopicNames names, DSLContext db,
                          ProjectionListener listener, MeterRegistry meters, List<TopicWriter.Factory> features,
                          Freshness freshness) {
        PulseTopics topics = PulseTopics.of(names);
        List<Projector> workers = new ArrayList<>();
        for (int worker = 0; worker < properties.threads(); worker++) {
            List<TopicWriter> writers = features.stream().flatMap(feature -> feature.create(topics).stream()).toList();
            workers.add(new Projector(worker, properties, kafka, names, db, writers, listener, meters, freshness));
        }
        return new Projectors(workers);
    }

    /** The instance's projector consumers; they share the group (and the partitions) with other instances. */
    record Projectors(List<Projector> workers) {

        /** Up while no consumer's last attempt failed; the latest batch of any. */
        Health health() {
            List<String> errors = workers.stream().map(Projector::lastError).filter(Objects::nonNull).toList();
            Health.Builder health = errors.isEmpty() ? Health.up() : Health.down();
            workers.stream().map(Projector::lastSuccess).filter(Objects::nonNull).max(Comparator.naturalOrder())
                    .ifPresent(at -> health.withDetail("lastBatchAt", at.toString()));
            if (!errors.isEmpty()) {
                health.withDetail("lastError", errors.getFirst());
            }
            return health.build();
        }
    }

    @Bean
    SmartLifecycle projectorLifecycle(Projectors projectors) {
        return new SmartLifecycle() {
            private final List<Thread> threads = new ArrayList<>();

            @Override
            public void start() {
                for (int i = 0; i < projectors.workers().size(); i++) {
                    threads.add(Thread.ofPlatform().name(i == 0 ? "projector" : "projector-" + i)
                            .start(projectors.workers().get(i)));
                }
            }

            @Override
            public void stop() {
                projectors.workers().forEach(Projector::stop);
                for (Thread thread : threads) {
                    try {
                        thread.join(Duration.ofSeconds(30));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                threads.clear();
            }

            @Override
            public boolean isRunning() {
                return !threads.isEmpty();
            }
        };
    }

    @Bean
    HealthIndicator projectorHealth(Projectors projectors) {
        return projectors::health;
    }
}
