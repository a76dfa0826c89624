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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

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
        return new TopicNames(scenario + "-followups", scenario + "-sales", scenario + "-errors", scenario + "-changes",
                scenario + "-duplicate-flags", scenario + "-alerts", 3);
    }

    /** Settings for the three services of one scenario, on free ports, checking for stale customers every {@code staleCheck}. */
    public StackSettings settings(String scenario, Duration staleCheck, List<String> webhooks) throws IOException {
        DatabaseSettings db = database.createDatabase(scenario.replace('-', '_'));
        return new StackSettings(bootstrapServers(), db, Files.createDirectories(dir.resolve(scenario + "-state")),
                Ports.freePort(), Ports.freePort(), Ports.freePort(), ZONE, scenario + "-processor", scenario + "-projector",
                topics(scenario), staleCheck, webhooks);
    }

    /**
     * Removes what a finished scenario left (its topics, the stream processor's internal topics,
     * its database and its state), so the phases after it measure a broker and a PostgreSQL not
     * still carrying a million events. The scenario's services must be stopped.
     */
    public void dropScenario(StackSettings settings, String scenario) throws Exception {
        try (Admin admin = admin()) {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(name -> name.startsWith(scenario + "-")).collect(Collectors.toSet());
            admin.deleteTopics(names).all().get(60, TimeUnit.SECONDS);
        }
        DatabaseSettings main = database.settings();
        try (Connection c = DriverManager.getConnection(main.jdbcUrl(), main.user(), main.password());
             Statement s = c.createStatement()) {
            s.execute("drop database if exists \"" + scenario.replace('-', '_').replace("\"", "") + "\" with (force)");
        } catch (SQLException e) {
            System.err.println("  could not drop the database of " + scenario + ": " + e.getMessage());
        }
        try (var paths = Files.walk(settings.stateDir())) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Deletes these topics, e.g. a baseline tool's once its figure is taken. */
    public void deleteTopics(String... names) throws Exception {
        try (Admin admin = admin()) {
            admin.deleteTopics(List.of(names)).all().get(60, TimeUnit.SECONDS);
        }
    }

    private Admin admin() {
        return Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
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
