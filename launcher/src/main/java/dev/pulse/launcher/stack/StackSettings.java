package dev.pulse.launcher.stack;

import dev.pulse.events.TopicNames;
import dev.pulse.launcher.database.DatabaseSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.time.ZoneId;

/**
 * Everything the three services need to find each other. Port 0 picks a free port (tests).
 *
 * @param stateDir the stream processor's local state; it must belong to the same broker
 * @param topics   topic names shared by all three services (tests give each scenario its own)
 * @param staleCheckInterval how often the processor looks for customers crossing a threshold
 * @param webhooks alert receivers, each URL or FORMAT=URL
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
        TopicNames topics,
        Duration staleCheckInterval,
        List<String> webhooks) {

    public StackSettings {
        webhooks = List.copyOf(webhooks);
    }
}
