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
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For a test class that brings a Kafka of its own (a SASL listener, a cluster of three) instead of the
 * shared embedded broker: that Kafka and a PostgreSQL of the class's own, in a scratch directory under
 * target/e2e. Registered as a static {@code @RegisterExtension} field, it starts before the class's
 * {@code @BeforeAll} methods and stops after its {@code @AfterAll} methods.
 *
 * @param <K> the Kafka, started by the factory the class gives
 */
final class OwnInfrastructure<K extends AutoCloseable> implements BeforeAllCallback, AfterAllCallback {

    private final String prefix;
    private final Function<Path, K> startKafka;
    private final Function<K, String> bootstrapServers;
    private Path dir;
    private K kafka;
    private Database database;

    private OwnInfrastructure(String prefix, Function<Path, K> startKafka, Function<K, String> bootstrapServers) {
        this.prefix = prefix;
        this.startKafka = startKafka;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * @param prefix           the start of the scratch directory's name
     * @param startKafka       starts the Kafka, its files in the directory it is given
     * @param bootstrapServers how that Kafka is reached
     */
    static <K extends AutoCloseable> OwnInfrastructure<K> of(String prefix, Function<Path, K> startKafka,
                                                            Function<K, String> bootstrapServers) {
        return new OwnInfrastructure<>(prefix, startKafka, bootstrapServers);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "e2e")).toAbsolutePath(), prefix);
        kafka = startKafka.apply(dir);
        database = Database.startEmbedded(new DatabaseSettings("jdbc:postgresql://localhost:5432/pulse", "pulse", "pulse"),
                dir, Ports.freePort());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (kafka != null) {
            kafka.close();
        }
        if (database != null) {
            database.close();
        }
    }

    String bootstrapServers() {
        return bootstrapServers.apply(kafka);
    }

    /** The scratch directory, for the services' state and logs. */
    Path dir() {
        return dir;
    }

    /**
     * The three services of one scenario on this database and this Kafka, logging in to it with
     * {@code kafkaClient}; their stale check every {@code checkInterval}.
     */
    StackSettings settingsFor(String scenario, Duration checkInterval, KafkaClientSettings kafkaClient) {
        return new StackSettings(bootstrapServers(), database.createDatabase(scenario.replace('-', '_')),
                dir.resolve(scenario + "-state"), 0, 0, 0, ZoneId.of("Asia/Shanghai"), scenario + "-processor",
                scenario + "-projector", EmbeddedStack.topics(scenario), checkInterval, List.of()).withKafkaClient(kafkaClient);
    }
}
