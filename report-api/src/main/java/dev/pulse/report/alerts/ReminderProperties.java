package dev.pulse.report.alerts;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The morning reminder.
 *
 * @param cron            when it goes out, in the reporting zone (default 08:30, before the 09:00 digest)
 * @param staleThresholds per stage, how long without a follow-up makes a customer stale: the
 *                        processor's {@code PULSE_STALE_*} settings, read from the same variables
 */
@ConfigurationProperties("pulse.reminders")
public record ReminderProperties(String cron, Map<String, Duration> staleThresholds) {

    public ReminderProperties {
        cron = cron == null || cron.isBlank() ? "0 30 8 * * *" : cron;
        staleThresholds = staleThresholds == null || staleThresholds.isEmpty()
                ? Map.of("LEAD", Duration.ofDays(14), "QUALIFIED", Duration.ofDays(7), "PROPOSAL", Duration.ofDays(7),
                        "QUOTE", Duration.ofDays(3), "CONTRACT", Duration.ofDays(3))
                : Map.copyOf(staleThresholds);
    }
}
