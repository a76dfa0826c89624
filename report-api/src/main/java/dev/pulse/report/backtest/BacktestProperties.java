package dev.pulse.report.backtest;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The rules in force, which a backtest replays when a proposal leaves them out and the stale page
 * fills its form with. The thresholds are the processor's {@code PULSE_STALE_*}, read by the
 * morning reminder from the same variables ({@code pulse.reminders.stale-thresholds}).
 *
 * @param ladder the processor's escalation ladder, {@code PULSE_LADDER}: empty when nothing climbs
 */
@ConfigurationProperties("pulse.backtest")
public record BacktestProperties(String ladder) {

    public BacktestProperties {
        ladder = ladder == null ? "" : ladder.strip();
    }
}
