package dev.pulse.launcher.e2e;

import dev.pulse.launcher.stack.PulseStack;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What a dashboard page test starts from: the whole stack on the shared embedded broker and
 * PostgreSQL, an admin's API client ({@link StackSession}), and headless Chromium signed in as an
 * admin. Registered as a static {@code @RegisterExtension} field, it starts before the class's tests
 * and stops after them.
 */
final class BrowserSession implements BeforeAllCallback, AfterAllCallback {

    private final StackSession pulse;
    private final String admin;
    private ChromeDriver browser;

    private BrowserSession(String scenario, String admin) {
        this.pulse = StackSession.of(scenario);
        this.admin = admin;
    }

    /** @param scenario names the stack's topics, database and state; @param admin the user signed in */
    static BrowserSession signedInAsAdmin(String scenario, String admin) {
        return new BrowserSession(scenario, admin);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        pulse.beforeAll(context);
        browser = Browser.start();
        Browser.signInAsAdmin(browser, pulse.stack(), pulse.client(), admin);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.quit();
        }
        pulse.afterAll(context);
    }

    PulseStack stack() {
        return pulse.stack();
    }

    /** The admin's client. */
    PulseClient client() {
        return pulse.client();
    }

    ChromeDriver browser() {
        return browser;
    }
}
