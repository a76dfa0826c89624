package dev.pulse.processor.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local Kafka Streams state is only valid against the cluster that holds its changelogs and
 * offsets: reused against a new broker it silently double-counts. The guard records the cluster
 * id beside the state and wipes the state when the id changes, so it is rebuilt from Kafka.
 */
final class StateDirGuard {

    private static final Logger log = LoggerFactory.getLogger(StateDirGuard.class);
    private static final String MARKER = "kafka-cluster-id";

    private StateDirGuard() {
    }

    static void check(Path stateDir, String clusterId) throws IOException {
        Files.createDirectories(stateDir);
        Path marker = stateDir.resolve(MARKER);
        if (Files.exists(marker)) {
            String recorded = Files.readString(marker).strip();
            if (recorded.equals(clusterId)) {
                return;
            }
            log.warn("state in {} belongs to Kafka cluster {}, not {}: wiping it to rebuild from Kafka",
                    stateDir, recorded, clusterId);
            wipeExceptMarker(stateDir, marker);
        }
        Files.writeString(marker, clusterId);
    }

    private static void wipeExceptMarker(Path stateDir, Path marker) throws IOException {
        try (Stream<Path> paths = Files.walk(stateDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(stateDir) && !path.equals(marker)) {
                    Files.delete(path);
                }
            }
        }
    }
}
