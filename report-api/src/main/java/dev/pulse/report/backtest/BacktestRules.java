package dev.pulse.report.backtest;

import dev.pulse.events.alerts.Ladder;
import dev.pulse.events.alerts.StaleThresholds;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rules a backtest replays: the per-stage stale thresholds with the overdue rule (the
 * processor's own {@link StaleThresholds}) and the escalation ladder (its own {@link Ladder}).
 *
 * @param thresholds the stale thresholds per stage, and the pipeline that says which stages are terminal
 * @param ladder     the escalation ladder; {@link Ladder#none()} when nothing climbs
 * @param overdue    whether OVERDUE alerts are replayed (they never climb, but a release cancels them)
 */
public record BacktestRules(StaleThresholds thresholds, Ladder ladder, boolean overdue) {

    /**
     * The longest time from a follow-up to the last step it can still open: a follow-up older than
     * that before the range opens nothing in it, unless its planned next follow-up falls in it.
     */
    Duration reach() {
        Duration stale = thresholds.perStage().values().stream().max(Duration::compareTo).orElse(Duration.ZERO);
        Duration climb = ladder.steps().values().stream()
                .map(steps -> orZero(steps.managerAfter()).plus(orZero(steps.releaseAfter())))
                .max(Duration::compareTo).orElse(Duration.ZERO);
        return stale.plus(climb);
    }

    /** As the answer and the page show them: ISO-8601 durations in days where whole, stages in alphabetical order. */
    View view() {
        Map<String, String> stale = new TreeMap<>();
        thresholds.perStage().forEach((stage, threshold) -> stale.put(stage, iso(threshold)));
        Map<String, StepsView> climbs = new TreeMap<>();
        ladder.steps().forEach((stage, steps) -> climbs.put(stage,
                new StepsView(iso(steps.managerAfter()), iso(steps.releaseAfter()))));
        return new View(stale, climbs, overdue);
    }

    /**
     * @param stale  stage -> threshold
     * @param ladder stage -> its waits; empty when nothing climbs
     */
    public record View(Map<String, String> stale, Map<String, StepsView> ladder, boolean overdue) {
    }

    /** The waits of one stage's ladder, each null when the step is not taken. */
    public record StepsView(String managerAfter, String releaseAfter) {
    }

    private static String iso(Duration wait) {
        if (wait == null) {
            return null;
        }
        return wait.toSeconds() % 86_400 == 0 ? "P" + wait.toDays() + "D" : wait.toString();
    }

    private static Duration orZero(Duration wait) {
        return wait == null ? Duration.ZERO : wait;
    }
}
