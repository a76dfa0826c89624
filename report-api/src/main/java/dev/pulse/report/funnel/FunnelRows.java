package dev.pulse.report.funnel;

import dev.pulse.events.funnel.FunnelCell;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Funnel cell deltas as the rows of the typed rollups: per cell and stage (reached, now at it),
 * per stage change, per stage and whole days, per currency. Zero rows are left out (they add nothing), and each
 * row's key appears once, as one upsert statement may touch a row only once.
 *
 * <p>What the reports never read is dropped here, as they skipped it when they parsed the JSON: a
 * transition key without {@code FROM>} before its first '>', a day key that is no whole number.
 */
record FunnelRows(List<Stage> stages, List<Transition> transitions, List<StageDays> stageDays,
                  List<Revenue> revenues) {

    record Stage(FunnelRollup cell, String stage, long reached, long atStage) {
    }

    record Transition(FunnelRollup cell, String from, String to, long n) {
    }

    record StageDays(FunnelRollup cell, String stage, long days, long n) {
    }

    /** A cell's revenue in one currency: amounts of different currencies are never one row. */
    record Revenue(FunnelRollup cell, String currency, BigDecimal revenue) {
    }

    /** @param cells distinct cells, in the order their rows should be written */
    static FunnelRows of(List<FunnelRollup> rollups) {
        List<Stage> stages = new ArrayList<>();
        List<Transition> transitions = new ArrayList<>();
        List<StageDays> stageDays = new ArrayList<>();
        List<Revenue> revenues = new ArrayList<>();
        for (FunnelRollup rollup : rollups) {
            FunnelCell cell = rollup.cell();
            Set<String> touched = new TreeSet<>(cell.reached().keySet());
            touched.addAll(cell.current().keySet());
            for (String stage : touched) {
                long reached = cell.reached().getOrDefault(stage, 0L);
                long atStage = cell.current().getOrDefault(stage, 0L);
                if (reached != 0 || atStage != 0) {
                    stages.add(new Stage(rollup, stage, reached, atStage));
                }
            }
            new TreeMap<>(cell.transitions()).forEach((move, n) -> {
                int arrow = move.indexOf('>');
                if (arrow > 0 && n != 0) {
                    transitions.add(new Transition(rollup, move.substring(0, arrow), move.substring(arrow + 1), n));
                }
            });
            new TreeMap<>(cell.stageDays()).forEach((stage, histogram) -> {
                Map<Long, Long> byDays = new TreeMap<>(); // " 3" and "3" are one row, as the reports read them
                histogram.forEach((days, n) -> {
                    Long whole = wholeDays(days);
                    if (whole != null && n != null) {
                        byDays.merge(whole, n, Long::sum);
                    }
                });
                byDays.forEach((days, n) -> {
                    if (n != 0) {
                        stageDays.add(new StageDays(rollup, stage, days, n));
                    }
                });
            });
            // already ordered by currency, without zero amounts
            cell.revenueByCurrency().forEach((currency, amount) -> revenues.add(new Revenue(rollup, currency, amount)));
        }
        return new FunnelRows(stages, transitions, stageDays, revenues);
    }

    private static Long wholeDays(String days) {
        try {
            return days == null ? null : Long.parseLong(days.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
