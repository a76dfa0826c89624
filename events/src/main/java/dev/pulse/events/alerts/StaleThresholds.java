package dev.pulse.events.alerts;

import dev.pulse.events.Pipeline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * When a follow-up's silence turns into an alert (DESIGN.md definition 3): the per-stage stale
 * thresholds and the overdue rule, shared by the stream processor's watcher and the report API's
 * backtest so that both read one definition. A stage without a threshold never goes stale, a
 * terminal stage never alerts at all.
 *
 * @param perStage stage code -> how long without a follow-up makes a customer stale
 * @param pipeline the stages, for which ones are terminal
 */
public record StaleThresholds(Map<String, Duration> perStage, Pipeline pipeline) {

    public StaleThresholds {
        perStage = Map.copyOf(perStage);
    }

    public boolean isClosed(String stage) {
        return pipeline.find(stage).map(s -> s.terminal()).orElse(false);
    }

    /** The stage's threshold, null when it never goes stale. */
    public Duration threshold(String stage) {
        return isClosed(stage) ? null : perStage.get(stage);
    }

    /**
     * The crossings a follow-up files when it becomes the customer's latest: STALE at its time plus
     * the stage's threshold, OVERDUE at its {@code nextFollowUpAt} when that lies after it; none at a
     * terminal stage.
     */
    public List<Ladder.Next> crossings(String stage, Instant occurredAt, Instant nextFollowUpAt) {
        List<Ladder.Next> due = new ArrayList<>(2);
        if (isClosed(stage)) {
            return due;
        }
        Duration threshold = perStage.get(stage);
        if (threshold != null) {
            due.add(new Ladder.Next(AlertKind.STALE, occurredAt.plus(threshold)));
        }
        if (nextFollowUpAt != null && nextFollowUpAt.isAfter(occurredAt)) {
            due.add(new Ladder.Next(AlertKind.OVERDUE, nextFollowUpAt));
        }
        return due;
    }
}
