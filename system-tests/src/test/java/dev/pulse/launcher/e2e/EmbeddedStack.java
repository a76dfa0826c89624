package dev.pulse.launcher.e2e;

import dev.pulse.events.TopicNames;
import dev.pulse.launcher.database.DatabaseSettings;
import dev.pulse.launcher.stack.PulseStack;
import dev.pulse.launcher.stack.StackSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The three services started on free ports against the shared embedded broker and a fresh database of their own. */
final class EmbeddedStack {

    private EmbeddedStack() {
    }

    static StackSettings settingsFor(String scenario) {
        return settingsFor(scenario, List.of());
    }

    static StackSettings settingsFor(String scenario, List<String> webhooks) {
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.get();
        String id = scenario + "-" + UUID.randomUUID().toString().substring(0, 8);
        DatabaseSettings database = infrastructure.newDatabase(id.replace('-', '_').toLowerCase(Locale.ROOT));
        Path stateDir = infrastructure.newStateDir(id);
        return new StackSettings(infrastructure.bootstrapServers(), database, stateDir, 0, 0, 0,
                ZoneId.of("Asia/Shanghai"), id + "-processor", id + "-projector", topics(id),
                Duration.ofSeconds(2), webhooks);
    }

    static TopicNames topics(String id) {
        return new TopicNames(id + "-followups", id + "-sales", id + "-errors", id + "-changes", id + "-duplicate-flags", id + "-alerts", 3);
    }

    static PulseStack start(StackSettings settings) {
        return new PulseStack(settings).startAll();
    }
}
