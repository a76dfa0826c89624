package dev.pulse.launcher.e2e;

import static dev.pulse.launcher.e2e.FollowUps.followUp;
import static dev.pulse.launcher.e2e.Scrape.get;
import static dev.pulse.launcher.e2e.Scrape.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.launcher.stack.PulseStack;
import dev.pulse.launcher.stack.StackCredentials;
import dev.pulse.launcher.stack.StackSettings;
import dev.pulse.security.TokenHash;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an operator needs from every service: metrics a scraper reads with a METRICS token (which
 * opens nothing else), the processor's actuator guarded like the others, and the gauges that say how
 * far behind the dashboards are.
 */
class OperabilityIT {

    private static PulseStack stack;
    private static String metricsToken;

    @BeforeAll
    static void start() {
        StackSettings plain = EmbeddedStack.settingsFor("ops");
        metricsToken = TokenHash.newToken();
        StackCredentials credentials = new StackCredentials(plain.credentials().adminToken(), null,
                plain.credentials().ingestToken(), metricsToken);
        stack = EmbeddedStack.start(new StackSettings(plain.kafkaBootstrap(), plain.database(), plain.stateDir(),
                0, 0, 0, plain.zone(), plain.processorApplicationId(), plain.projectorGroup(), plain.topics(),
                plain.staleCheckInterval(), plain.webhooks(), credentials, plain.kafkaClient()));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldLetAScraperReadTheMetricsOfEveryServiceAndNothingElse() throws Exception {
        for (Map.Entry<String, Integer> service : Map.of("ingest", stack.ingestPort(), "report-api", stack.reportPort(),
                "stream-processor", stack.processorPort()).entrySet()) {
            int port = service.getValue();
            assertThat(get(port, "/actuator/prometheus", metricsToken).statusCode()).as("%s metrics, METRICS token", service.getKey())
                    .isEqualTo(200);
            assertThat(get(port, "/actuator/prometheus", null).statusCode()).as("%s metrics, no token", service.getKey())
                    .isEqualTo(401);
            assertThat(get(port, "/actuator/metrics", metricsToken).statusCode()).as("%s other actuator, METRICS token",
                    service.getKey()).isEqualTo(403);
            HttpResponse<String> health = get(port, "/actuator/health", null);
            assertThat(health.statusCode()).as("%s health, no token", service.getKey()).isEqualTo(200);
            assertThat(health.body()).as("%s health details hidden", service.getKey()).doesNotContain("components");
        }
        assertThat(get(stack.processorPort(), "/actuator/health", stack.settings().credentials().adminToken()).body())
                .as("the processor's health details, for the launcher's admin token").contains("kafkaStreams");
        assertThat(get(stack.reportPort(), "/api/v1/reports/summary?from=2026-11-03&to=2026-11-03", metricsToken).statusCode())
                .as("a figure, METRICS token").isEqualTo(403);
    }

    @Test
    void shouldTellHowFreshTheDashboardsAreAndHowFarBehindTheProjectorIs() throws Exception {
        PulseClient client = new PulseClient(stack);
        for (int i = 0; i < 5; i++) {
            assertThat(client.post("/api/v1/followups", followUp(UUID.randomUUID(), "ops-" + i, "rep-o", "team-o",
                    "2026-11-03T02:00:00Z", "PHONE")).status()).isEqualTo(202);
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String metrics = get(stack.reportPort(), "/actuator/prometheus", metricsToken).body();
            assertThat(value(metrics, "pulse_projector_freshness_seconds_count")).isEqualTo(5);
            assertThat(value(metrics, "pulse_projector_freshness_last_seconds")).isBetween(0.0, 30.0);
            assertThat(value(metrics, "pulse_projector_lag_records")).isZero();
        });
    }
}
