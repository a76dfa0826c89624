package dev.pulse.launcher.e2e;

import dev.pulse.events.TopicNames;
import dev.pulse.launcher.stack.PulseStack;
import dev.pulse.launcher.stack.StackSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The activity scenario on the embedded KRaft broker and embedded PostgreSQL (no Docker needed). */
class EndToEndIT extends ActivityScenario {

    private static StackSettings settings;
    private static PulseStack stack;
    private static PulseClient client;

    @BeforeAll
    static void startPulse() {
        settings = EmbeddedStack.settingsFor("e2e");
        stack = EmbeddedStack.start(settings);
        client = new PulseClient(stack);
    }

    @AfterAll
    static void stopPulse() {
        stack.close();
    }

    @Override
    protected PulseClient client() {
        return client;
    }

    @Override
    protected String bootstrapServers() {
        return settings.kafkaBootstrap();
    }

    @Override
    protected TopicNames topics() {
        return settings.topics();
    }
}
