package dev.pulse.launcher.e2e;

import dev.pulse.events.TopicNames;
import dev.pulse.launcher.database.DatabaseSettings;
import dev.pulse.launcher.stack.PulseStack;
import dev.pulse.launcher.stack.StackSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The same activity scenario as {@link EndToEndIT}, on Kafka and PostgreSQL containers. Skipped
 * where no Docker daemon answers (as on the project's own machines), run wherever one does.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainersEndToEndIT extends ActivityScenario {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.2.1");

    @Container
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:17")
            .withDatabaseName("pulse").withUsername("pulse").withPassword("pulse");

    private static PulseStack stack;
    private static Target target;

    @BeforeAll
    static void startPulse() throws Exception {
        Path stateDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "e2e")), "containers-");
        StackSettings settings = new StackSettings(KAFKA.getBootstrapServers(),
                new DatabaseSettings(POSTGRES.getJdbcUrl(), POSTGRES.getUsername(), POSTGRES.getPassword()),
                stateDir, 0, 0, 0, ZoneId.of("Asia/Shanghai"), "containers-processor", "containers-projector",
                TopicNames.defaults(), java.time.Duration.ofSeconds(2), java.util.List.of());
        stack = new PulseStack(settings).startAll();
        target = Target.of(stack);
    }

    @AfterAll
    static void stopPulse() {
        if (stack != null) {
            stack.close();
        }
    }

    @Override
    protected Target target() {
        return target;
    }
}
