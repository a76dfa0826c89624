package dev.pulse.bench.stack;

import dev.pulse.events.TopicNames;
import dev.pulse.launcher.Ports;
import dev.pulse.launcher.broker.KafkaBroker;
import dev.pulse.launcher.database.Database;
import dev.pulse.launcher.database.DatabaseSettings;
import dev.pulse.launcher.stack.StackSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * The real KRaft broker and the embedded PostgreSQL the in-process measurements run against, on
 * free ports (never 8080-8082 or 9092) under the run's own data directory. Each scenario gets its
 * own topics, database, state directory and group ids.
 */
public final class BenchInfrastructure implements AutoCloseable {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Path dir;
    private final KafkaBroker broker;
    private final Database database;

    public BenchInfrastructure(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        broker = new KafkaBroker(dir.resolve("kafka"), Ports.freePort(), Ports.freePort());
        broker.start();
        Database started;
        try {
            started = Database.startEmbedded(new DatabaseSettings("jdbc:postgresql://localhost:5432/pulse", "pulse", "pulse"),
                    dir, Ports.freePort());
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        database = started;
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public static TopicNames topics(String scenario) {
        return new TopicNames(scenario + "-followups", scenario + "-sales", scenario + "-errors", scenario + "-rep-activity",
                scenario + "-duplicate-flags", scenario + "-alerts", scenario + "-funnel-cells", 3, (short) 1);
    }

    /** Settings for the three services of one scenario, on free ports, checking for stale customers every {@code staleCheck}. */
    public StackSettings settings(String scenario, Duration staleCheck, List<String> webhooks) throws IOException {
        DatabaseSettings db = database.createDatabase(scenario.replace('-', '_'));
        return new StackSettings(bootstrapServers(), db, Files.createDirectories(dir.resolve(scenario + "-state")),
                Ports.freePort(), Ports.freePort(), Ports.freePort(), ZONE, scenario + "-processor", scenario + "-projector",
                topics(scenario), staleCheck, webhooks);
    }

    @Override
    public void close() throws IOException {
        try {
            broker.close();
        } finally {
            database.close();
        }
    }
}
