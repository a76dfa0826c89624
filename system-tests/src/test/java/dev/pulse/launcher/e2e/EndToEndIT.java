package dev.pulse.launcher.e2e;

import dev.pulse.launcher.stack.PulseStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The activity scenario on the embedded KRaft broker and embedded PostgreSQL (no Docker needed). */
class EndToEndIT extends ActivityScenario {

    private static PulseStack stack;
    private static Target target;

    @BeforeAll
    static void startPulse() {
        stack = EmbeddedStack.start(EmbeddedStack.settingsFor("e2e"));
        target = Target.of(stack);
    }

    @AfterAll
    static void stopPulse() {
        stack.close();
    }

    @Override
    protected Target target() {
        return target;
    }
}
