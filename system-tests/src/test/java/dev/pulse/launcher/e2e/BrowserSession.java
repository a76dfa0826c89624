package dev.pulse.launcher.e2e;

import dev.pulse.launcher.stack.PulseStack;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Wait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a dashboard page test starts from: the whole stack on the shared embedded broker and
 * PostgreSQL, an admin's API client ({@link StackSession}), and headless Chromium signed in as an
 * admin. Registered as a static {@code @RegisterExtension} field, it starts before the class's tests
 * (and its {@code @BeforeAll} methods) and stops after them.
 */
final class BrowserSession implements BeforeAllCallback, AfterAllCallback {

    private final StackSession pulse;
    private final String admin;
    private ChromeDriver browser;

    private BrowserSession(String scenario, String admin, String[] serviceArgs) {
        this.pulse = StackSession.of(scenario, serviceArgs);
        this.admin = admin;
    }

    /**
     * @param scenario    names the stack's topics, database and state
     * @param admin       the user signed in
     * @param serviceArgs command-line arguments every service is started with, as {@link StackSession#of} takes them
     */
    static BrowserSession signedInAsAdmin(String scenario, String admin, String... serviceArgs) {
        return new BrowserSession(scenario, admin, serviceArgs);
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

    /** Opens a page of the report API: {@code pathAndQuery} is what follows the host, as {@code /stale.html?team=a}. */
    void open(String pathAndQuery) {
        browser.get("http://localhost:" + stack().reportPort() + pathAndQuery);
    }

    /**
     * A minute's wait, long enough for the whole stack on a busy machine. Live refreshes rebuild what
     * a page shows, so an element found a moment ago may be gone: the wait looks again.
     */
    Wait<WebDriver> waitUp() {
        return new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class);
    }

    /** What the page says of itself on its body: {@code ready} once it has drawn what it loaded. */
    String pageState() {
        return browser.findElement(By.tagName("body")).getDomAttribute("data-state");
    }

    /** The errors the page has logged to the console since they were last read (reading them clears them). */
    List<LogEntry> consoleErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
    }
}
