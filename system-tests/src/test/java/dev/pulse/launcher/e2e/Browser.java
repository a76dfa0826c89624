package dev.pulse.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.events.Json;
import dev.pulse.launcher.stack.PulseStack;
import dev.pulse.testsupport.HeadlessChromium;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Headless Chromium (from test-support) signed in the way a person does: on the login page, as a
 * user an admin created through the admin API.
 */
final class Browser {

    static final String PASSWORD = "browser-test-password-1";

    /** Markup that runs a script if a page writes user text as HTML: entered as a name or a reason, it must show as text. */
    static final String HOSTILE_TEXT = "<img src=x onerror=alert(1)>";

    private Browser() {
    }

    /** Headless Chromium in English; see {@link HeadlessChromium#start()}. */
    static ChromeDriver start() {
        return HeadlessChromium.start();
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
        HeadlessChromium.signIn(browser, "http://localhost:" + stack.reportPort(), username, PASSWORD);
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
