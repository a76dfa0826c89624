package dev.pulse.report.projector;

import dev.pulse.events.Pipeline;
import dev.pulse.events.PulseTopics;
import dev.pulse.events.TopicNames;
import dev.pulse.events.kafka.KafkaClientSettings;
import dev.pulse.events.validation.FollowUpValidator;
import dev.pulse.events.validation.SaleValidator;
import dev.pulse.report.alerts.AlertOutbox;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the projector and runs it on its own thread for the lifetime of the application. */
@Configuration
class ProjectorConfig {

    /** Records on the topics were accepted by ingest; a replay days later must not turn them into poison. */
    private static final Duration REPLAY_SKEW = Duration.ofDays(1);

    @Bean
    Projector projector(ProjectorProperties properties, KafkaClientSettings kafka, TopicNames names, DSLContext db, ProjectionListener listener, MeterRegistry meters,
                        AlertOutbox alertOutbox, Pipeline pipeline) {
        Clock clock = Clock.systemUTC();
        PulseTopics topics = PulseTopics.of(names);
        List<TopicWriter> writers = List.of(
                FactWriter.followUps(topics.followups().name(), new FollowUpValidator(pipeline, clock, REPLAY_SKEW)),
                FactWriter.sales(topics.sales().name(), new SaleValidator(clock, REPLAY_SKEW)),
                new ChangeWriter(topics.changes()),
                new DuplicateFlagWriter(topics.duplicateFlags()),
                new AlertWriter(topics.alerts(), alertOutbox));
        return new Projector(properties, kafka, names, db, writers, listener, meters);
    }

    @Bean
    SmartLifecycle projectorLifecycle(Projector projector) {
        return new SmartLifecycle() {
            private Thread thread;

            @Override
            public void start() {
                thread = Thread.ofPlatform().name("projector").start(projector);
            }

            @Override
            public void stop() {
                projector.stop();
                try {
                    thread.join(Duration.ofSeconds(30));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                thread = null;
            }

            @Override
            public boolean isRunning() {
                return thread != null;
            }
        };
    }

    @Bean
    HealthIndicator projectorHealth(Projector projector) {
        return () -> {
            Health.Builder health = projector.lastError() == null ? Health.up() : Health.down();
            if (projector.lastSuccess() != null) {
                health.withDetail("lastBatchAt", projector.lastSuccess().toString());
            }
            if (projector.lastError() != null) {
                health.withDetail("lastError", projector.lastError());
            }
            return health.build();
        };
    }
}
