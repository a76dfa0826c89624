package dev.pulse.launcher.e2e;

import dev.pulse.events.kafka.KafkaClientSettings;
import dev.pulse.launcher.Ports;
import dev.pulse.launcher.database.Database;
import dev.pulse.launcher.database.DatabaseSettings;
import dev.pulse.launcher.stack.StackSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For a test class that brings a Kafka of its own (a SASL listener, a cluster it kills) instead of the
 * shared embedded one: a scratch directory under target/e2e for it, and a PostgreSQL of the class's
 * own in there. Registered as a static {@code @RegisterExtension} field, it starts before the class's
 * {@code @BeforeAll} methods and stops after its {@code @AfterAll} methods.
 */
final class OwnPostgres implements BeforeAllCallback, AfterAllCallback {

    private final String prefix;
    private Path dir;
    private Database database;

    private OwnPostgres(String prefix) {
        this.prefix = prefix;
    }

    /** @param prefix the start of the scratch directory's name */
    static OwnPostgres in(String prefix) {
        return new OwnPostgres(prefix);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "e2e")).toAbsolutePath(), prefix);
        database = Database.startEmbedded(new DatabaseSettings("jdbc:postgresql://localhost:5432/pulse", "pulse", "pulse"),
                dir, Ports.freePort());
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (database != null) {
            database.close();
        }
    }

    /** The scratch directory, for the class's broker and the services' state. */
    Path dir() {
        return dir;
    }

    /**
     * The three services of one scenario on this database and the given Kafka, logging in to it with
     * {@code kafka}; its stale check every {@code checkInterval}.
     */
    StackSettings settingsFor(String scenario, String bootstrapServers, Duration checkInterval, KafkaClientSettings kafka) {
        return new StackSettings(bootstrapServers, database.createDatabase(scenario.replace('-', '_')),
                dir.resolve(scenario + "-state"), 0, 0, 0, ZoneId.of("Asia/Shanghai"), scenario + "-processor",
                scenario + "-projector", EmbeddedStack.topics(scenario), checkInterval, List.of()).withKafkaClient(kafka);
    }
}
