package dev.pulse.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.events.Json;
import dev.pulse.launcher.stack.PulseStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the dashboard tests (Debian's chromium and chromium-driver; .ci/run
 * installs them), and signing in the way a person does: on the login page, as a user an admin
 * created through the admin API.
 */
final class Browser {

    static final String PASSWORD = "browser-test-password-1";

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {
    }

    static ChromeDriver start() {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("headless browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver")
                .isTrue();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=en-US");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build(), options);
    }

    /** Creates the user with the admin's client (role, and repId or teamIds for REP and MANAGER). */
    static void createUser(PulseClient admin, String username, String role, String repId, List<String> teamIds) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("password", PASSWORD);
        user.put("role", role);
        user.put("repId", repId);
        user.put("teamIds", teamIds);
        PulseClient.Response created = admin.sendReport("PUT",
                "/api/v1/admin/users/" + java.net.URLEncoder.encode(username, java.nio.charset.StandardCharsets.UTF_8),
                Json.MAPPER.writeValueAsString(user));
        assertThat(created.status()).as("creating user %s: %s", username, created.body()).isEqualTo(204);
    }

    /** Signs in on the login page and waits until it has sent the browser on. */
    static void signIn(ChromeDriver browser, PulseStack stack, String username) {
        browser.get("http://localhost:" + stack.reportPort() + "/login.html");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> !d.findElements(By.cssSelector("#lang-switch-login button")).isEmpty());
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        wait.until(d -> !d.getCurrentUrl().contains("login.html"));
    }

    /** An admin user for pages that need to see everything. */
    static void signInAsAdmin(ChromeDriver browser, PulseStack stack, PulseClient admin, String username) {
        createUser(admin, username, "ADMIN", null, List.of());
        signIn(browser, stack, username);
    }

    /** Sum of every data point of one of the page's charts (window.pulseCharts[chart]), read from ECharts itself; -1 before it exists. */
    static long sumSeries(ChromeDriver browser, String chart) {
        Object total = ((JavascriptExecutor) browser).executeScript("""
                const chart = window.pulseCharts && window.pulseCharts[arguments[0]];
                if (!chart) return -1;
                let sum = 0;
                for (const series of chart.getOption().series || []) {
                  for (const point of series.data || []) {
                    const value = Array.isArray(point) ? point[1] : (point && point.value !== undefined ? point.value : point);
                    sum += Number(value) || 0;
                  }
                }
                return sum;""", chart);
        return ((Number) total).longValue();
    }
}
