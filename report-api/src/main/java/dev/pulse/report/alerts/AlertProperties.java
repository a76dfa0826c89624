package dev.pulse.report.alerts;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param webhooks        the default receivers, each {@code URL} or {@code FORMAT=URL[#secret=S]} (see {@link Webhook})
 * @param pollInterval    how often the outbox is checked for due deliveries
 * @param maxBackoff      the longest wait between two attempts at one delivery
 * @param maxAttempts     the retry budget: after this many failed attempts a delivery is marked failed
 *                        (metric, admin API) and waits for an admin's retry
 * @param robotRate       messages a group robot accepts per {@code robotRateWindow} (WeCom, DingTalk
 *                        and Feishu all say about 20 a minute); more alerts than that are merged
 * @param robotRateWindow the window of {@code robotRate}; also the wait after a robot answered "too fast"
 * @param claimLease      how long an instance owns the rows it is sending before another may take them;
 *                        longer than {@code timeout}, or a slow answer would let a second instance send again
 * @param timeout         how long a receiver may take to answer; no answer counts as a failed attempt
 * @param dashboardUrl    where people open the dashboards (e.g. {@code https://pulse.example.com}); messages
 *                        link to the customer there. Empty: no link
 */
@ConfigurationProperties("pulse.alerts")
public record AlertProperties(List<String> webhooks, Duration pollInterval, Duration maxBackoff, Integer maxAttempts,
                              Integer robotRate, Duration robotRateWindow, Duration claimLease,
                              Duration timeout, String dashboardUrl) {

    public AlertProperties {
        webhooks = webhooks == null ? List.of() : webhooks.stream().filter(w -> !w.isBlank()).toList();
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(5) : maxBackoff;
        maxAttempts = maxAttempts == null ? 10 : maxAttempts;
        robotRate = robotRate == null ? 20 : robotRate;
        robotRateWindow = robotRateWindow == null ? Duration.ofMinutes(1) : robotRateWindow;
        claimLease = claimLease == null ? Duration.ofMinutes(1) : claimLease;
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        if (claimLease.compareTo(timeout.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("pulse.alerts.claim-lease must be at least twice pulse.alerts.timeout");
        }
        dashboardUrl = dashboardUrl == null || dashboardUrl.isBlank() ? null : dashboardUrl.strip().replaceAll("/+$", "");
        if (maxAttempts < 1 || robotRate < 1) {
            throw new IllegalArgumentException("pulse.alerts.max-attempts and robot-rate must be at least 1");
        }
    }

    public List<Webhook> receivers() {
        return webhooks.stream().map(Webhook::parse).toList();
    }
}
