package dev.pulse.launcher.stack;

import dev.pulse.launcher.database.DatabaseSettings;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Everything the three services need to find each other. Port 0 picks a free port (tests).
 *
 * @param stateDir the stream processor's local state; it must belong to the same broker
 */
public record StackSettings(
        String kafkaBootstrap,
        DatabaseSettings database,
        Path stateDir,
        int ingestPort,
        int reportPort,
        int processorPort,
        ZoneId zone,
        String processorApplicationId) {

    public StackSettings withPorts(int ingest, int report, int processor) {
        return new StackSettings(kafkaBootstrap, database, stateDir, ingest, report, processor, zone,
                processorApplicationId);
    }
}
