package dev.pulse.launcher.e2e;

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
 * A broker and an embedded PostgreSQL that keep their data in one directory and their ports from
 * one run to the next, with the settings of a whole Pulse on them (default topics and group ids,
 * its streams state in the same directory): each run starts where the last one stopped, as an
 * installation does when everything is restarted.
 */
final class DurableInstallation {

    /** One run, given the settings of a Pulse on the running broker and database. */
    interface Run<T> {
        T on(StackSettings settings) throws Exception;
    }

    private final Path dataDir;
    private final int kafkaPort = Ports.freePort();
    private final int controllerPort = Ports.freePort();
    private final int dbPort = Ports.freePort();

    private DurableInstallation(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** In a new directory under {@code target/e2e} whose name starts with {@code prefix}. */
    static DurableInstallation inNewDirectory(String prefix) throws IOException {
        return new DurableInstallation(Files.createTempDirectory(Files.createDirectories(Path.of("target", "e2e")), prefix));
    }

    /** Starts the broker and the database, does {@code run}, and stops both. */
    <T> T run(Run<T> run) throws Exception {
        try (KafkaBroker broker = new KafkaBroker(dataDir.resolve("kafka"), kafkaPort, controllerPort)) {
            broker.start();
            try (Database database = Database.startEmbedded(
                    new DatabaseSettings("jdbc:postgresql://localhost:" + dbPort + "/pulse", "pulse", "pulse"),
                    dataDir, dbPort)) {
                return run.on(new StackSettings(broker.bootstrapServers(), database.settings(),
                        dataDir.resolve("streams"), 0, 0, 0, ZoneId.of("Asia/Shanghai"), "pulse-stream-processor",
                        "pulse-projector", TopicNames.defaults(), Duration.ofSeconds(2), List.of()));
            }
        }
    }
}
