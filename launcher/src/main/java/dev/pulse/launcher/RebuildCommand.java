package dev.pulse.launcher;

import dev.pulse.launcher.broker.KafkaBroker;
import dev.pulse.launcher.database.Database;
import dev.pulse.launcher.rebuild.CatchUpProbe;
import dev.pulse.launcher.rebuild.Rebuild;
import dev.pulse.launcher.stack.PulseStack;
import dev.pulse.launcher.stack.StackCredentials;
import dev.pulse.launcher.stack.StackSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./pulse rebuild [--data-dir DIR] [--ports-offset N]}: with Pulse stopped, recomputes
 * every aggregate, flag and open alert of a data directory from its input topics with the current
 * definitions (see {@link Rebuild}), then runs the stream processor and projector until they have
 * caught up, with a progress bar, and stops. The next {@code ./pulse run} continues from there.
 */
final class RebuildCommand {

    private RebuildCommand() {
    }

    static int run(String[] args) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (LaunchException e) {
            System.err.println("pulse rebuild: " + e.getMessage().replace("pulse run", "pulse rebuild"));
            return 2;
        }
        if (options.kafka() != null || options.db() != null) {
            // the rebuild resets a data directory's own broker and database; on yours, do it by hand
            System.err.println("pulse rebuild: works on the data directory's own Kafka and PostgreSQL only; on your"
                    + " cluster follow docs/operations.md, Rebuild (a stack of your own).");
            return 2;
        }
        Path dataDir = PulseLauncher.prepare(options.dataDir());
        int offset = options.portsOffset();
        Ports.requireFree(PulseLauncher.KAFKA_PORT + offset, "Kafka (stop Pulse before a rebuild)");
        Ports.requireFree(PulseLauncher.REPORT_PORT + offset, "report API (stop Pulse before a rebuild)");
        long startedAt = System.nanoTime();
        try (KafkaBroker broker = new KafkaBroker(dataDir.resolve("kafka"), PulseLauncher.KAFKA_PORT + offset,
                PulseLauncher.CONTROLLER_PORT + offset)) {
            broker.start();
            try (Database database = Database.locateOrStart(PulseLauncher.configuredDatabase(), dataDir)) {
                StackSettings settings = PulseLauncher.stackSettings(broker.bootstrapServers(), database, dataDir, offset, List.of(),
                        StackCredentials.generate());
                System.out.println("  ✓ Kafka and PostgreSQL of " + dataDir);
                new Rebuild(settings).reset();
                System.out.println("  ✓ derived state forgotten: processor state, activity, funnel, open flags and alerts");
                try (PulseStack stack = new PulseStack(settings)) {
                    stack.startProcessor();
                    stack.startReport();
                    System.out.println("  ✓ replaying the input topics with the current definitions");
                    long events;
                    try (var catchUp = new CatchUpProbe(settings, System.out)) {
                        events = catchUp.await(6 * 3600 * 1000L);
                    }
                    System.out.printf("Rebuilt from %,d input events in %.1f s. Start Pulse again with ./pulse run.%n",
                            events, (System.nanoTime() - startedAt) / 1e9);
                }
            }
            return 0;
        } catch (LaunchException e) {
            System.err.println("pulse rebuild: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            System.err.println("pulse rebuild: failed: " + e);
            return 1;
        }
    }
}
