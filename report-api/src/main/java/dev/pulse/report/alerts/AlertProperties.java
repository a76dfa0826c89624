package dev.pulse.report.alerts;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param webhooks     receivers, each {@code URL} or {@code FORMAT=URL} (see {@link Webhook})
 * @param pollInterval how often the outbox is checked for due deliveries
 * @param maxBackoff   the longest wait between two attempts at one delivery
 */
@ConfigurationProperties("pulse.alerts")
public record AlertProperties(List<String> webhooks, Duration pollInterval, Duration maxBackoff) {

    public AlertProperties {
        webhooks = webhooks == null ? List.of() : webhooks.stream().filter(w -> !w.isBlank()).toList();
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(5) : maxBackoff;
    }

    public List<Webhook> receivers() {
        return webhooks.stream().map(Webhook::parse).toList();
    }
}
