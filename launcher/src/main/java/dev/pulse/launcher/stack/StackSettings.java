package dev.pulse.launcher.stack;

import dev.pulse.events.TopicNames;
import dev.pulse.launcher.database.DatabaseSettings;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Everything the three services need to find each other. Port 0 picks a free port (tests).
 *
 * @param stateDir the stream processor's local state; it must belong to the same broker
 * @param topics   topic names shared by all three services (tests give each scenario its own)
 */
public record StackSettings(
        String kafkaBootstrap,
        DatabaseSettings database,
        Path stateDir,
        int ingestPort,
        int reportPort,
        int processorPort,
        ZoneId zone,
        String processorApplicationId,
        String projectorGroup,
        TopicNames topics) {
}
