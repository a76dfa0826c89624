package dev.pulse.launcher.e2e;

import dev.pulse.launcher.Ports;
import dev.pulse.launcher.broker.KafkaBroker;
import dev.pulse.launcher.database.Database;
import dev.pulse.launcher.database.DatabaseSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real KRaft broker and one real PostgreSQL for all end-to-end tests of this JVM, started on
 * free ports under target/. Scenarios stay apart by their own topics, database and group ids.
 */
final class EmbeddedInfrastructure {

    private static EmbeddedInfrastructure instance;

    private final KafkaBroker broker;
    private final Database database;
    private final Path workDir;

    private EmbeddedInfrastructure() throws IOException {
        workDir = Files.createDirectories(Path.of("target", "e2e")).toAbsolutePath();
        Path run = Files.createTempDirectory(workDir, "infra-");
        broker = new KafkaBroker(run.resolve("kafka"), Ports.freePort(), Ports.freePort());
        broker.start();
        database = Database.startEmbedded(new DatabaseSettings("jdbc:postgresql://localhost:5432/pulse", "pulse", "pulse"),
                run, Ports.freePort());
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
    }

    static synchronized EmbeddedInfrastructure get() {
        if (instance == null) {
            try {
                instance = new EmbeddedInfrastructure();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    DatabaseSettings newDatabase(String name) {
        return database.createDatabase(name);
    }

    Path newStateDir(String name) {
        try {
            return Files.createTempDirectory(workDir, name + "-state-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void close() {
        try {
            broker.close();
            database.close();
        } catch (Exception e) {
            System.err.println("closing test infrastructure: " + e);
        }
    }
}
