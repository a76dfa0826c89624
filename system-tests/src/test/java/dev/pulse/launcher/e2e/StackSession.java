package dev.pulse.launcher.e2e;

import dev.pulse.launcher.stack.PulseStack;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a test of the whole stack over HTTP starts from: the three services on the shared embedded
 * broker and PostgreSQL, and an admin's API client. Registered as a static {@code @RegisterExtension}
 * field, it starts before the class's {@code @BeforeAll} methods and stops after its
 * {@code @AfterAll} methods.
 */
final class StackSession implements BeforeAllCallback, AfterAllCallback {

    private final String scenario;
    private final String[] serviceArgs;
    private PulseStack stack;
    private PulseClient client;

    private StackSession(String scenario, String[] serviceArgs) {
        this.scenario = scenario;
        this.serviceArgs = serviceArgs;
    }

    /**
     * @param scenario    names the stack's topics, database and state
     * @param serviceArgs command-line arguments every service is started with, as {@link PulseStack#with} takes them
     */
    static StackSession of(String scenario, String... serviceArgs) {
        return new StackSession(scenario, serviceArgs);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        stack = new PulseStack(EmbeddedStack.settingsFor(scenario)).with(serviceArgs).startAll();
        client = new PulseClient(stack);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (stack != null) {
            stack.close();
        }
    }

    PulseStack stack() {
        return stack;
    }

    /** The admin's client. */
    PulseClient client() {
        return client;
    }
}
