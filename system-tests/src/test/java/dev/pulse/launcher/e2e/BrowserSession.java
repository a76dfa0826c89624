package dev.pulse.launcher.e2e;

import dev.pulse.launcher.stack.PulseStack;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What a dashboard page test starts from: the whole stack on the shared embedded broker and
 * PostgreSQL, an admin's API client, and headless Chromium signed in as an admin. Registered as a
 * static {@code @RegisterExtension} field, it starts before the class's tests and stops after them.
 */
final class BrowserSession implements BeforeAllCallback, AfterAllCallback {

    private final String scenario;
    private final String admin;
    private PulseStack stack;
    private PulseClient client;
    private ChromeDriver browser;

    private BrowserSession(String scenario, String admin) {
        this.scenario = scenario;
        this.admin = admin;
    }

    /** @param scenario names the stack's topics, database and state; @param admin the user signed in */
    static BrowserSession signedInAsAdmin(String scenario, String admin) {
        return new BrowserSession(scenario, admin);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        stack = EmbeddedStack.start(EmbeddedStack.settingsFor(scenario));
        client = new PulseClient(stack);
        browser = Browser.start();
        Browser.signInAsAdmin(browser, stack, client, admin);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.quit();
        }
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

    ChromeDriver browser() {
        return browser;
    }
}
