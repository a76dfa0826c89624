package dev.pulse.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the dashboard tests (Debian's chromium and chromium-driver; .ci/run
 * installs them), and signing in the way a person does: on the login page.
 */
public final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /** A new browser in English, 1400x1000, reduced motion, with its console log kept for the tests to read. */
    public static ChromeDriver start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException(
                    "headless browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=en-US",
                        // the charts then draw without animation (charts.js honours prefers-reduced-motion): a
                        // test that clicks a bar right after it appears would otherwise click where the growing
                        // bar is not yet, and nothing would happen (PoolEndToEndIT did, on a loaded machine)
                        "--force-prefers-reduced-motion");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build(), options);
    }

    /**
     * Signs in on the report API's login page and waits until it has sent the browser on.
     *
     * @param reportBase e.g. {@code http://localhost:8082}
     */
    public static void signIn(ChromeDriver browser, String reportBase, String username, String password) {
        browser.get(reportBase + "/login.html");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> !d.findElements(By.cssSelector("#lang-switch-login button")).isEmpty());
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        wait.until(d -> !d.getCurrentUrl().contains("login.html"));
    }
}
