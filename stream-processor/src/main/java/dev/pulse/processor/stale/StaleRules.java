package dev.pulse.processor.stale;

import dev.pulse.events.Pipeline;
import dev.pulse.events.alerts.Ladder;
import dev.pulse.events.alerts.StaleThresholds;
import java.time.Duration;
import java.util.Map;

/**
 * When a customer goes stale: per-stage thresholds (a stage without one never goes stale; closed
 * stages never do), how a stale customer nobody follows up climbs the escalation ladder, and how
 * often the wall clock is checked.
 */
public record StaleRules(Map<String, Duration> thresholds, Duration checkInterval, Pipeline pipeline, Ladder ladder) {

    public static final Map<String, Duration> DEFAULT_THRESHOLDS = Map.of(
            "LEAD", Duration.ofDays(14),
            "QUALIFIED", Duration.ofDays(7),
            "PROPOSAL", Duration.ofDays(7),
            "QUOTE", Duration.ofDays(3),
            "CONTRACT", Duration.ofDays(3));

    public static StaleRules defaults() {
        return new StaleRules(DEFAULT_THRESHOLDS, Duration.ofSeconds(10), Pipeline.defaults());
    }

    /** Without an escalation ladder: stale customers only alert their rep. */
    public StaleRules(Map<String, Duration> thresholds, Duration checkInterval, Pipeline pipeline) {
        this(thresholds, checkInterval, pipeline, Ladder.none());
    }

    public StaleRules {
        thresholds = Map.copyOf(thresholds);
        ladder = ladder == null ? Ladder.none() : ladder;
    }

    /** The thresholds and the overdue rule alone, as the report API's backtest shares them. */
    public StaleThresholds staleThresholds() {
        return new StaleThresholds(thresholds, pipeline);
    }
}
