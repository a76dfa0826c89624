package dev.pulse.report.backtest;

import dev.pulse.events.alerts.AlertKind;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Counts what the replays report, per ISO week (of the step's due time, in the reporting zone) and
 * team, keeping only what falls in the range and in the teams the caller may see.
 */
final class WeeklyTally implements CustomerReplay.Sink {

    private static final String NO_TEAM = "";
    private static final int ALERTS = 0;
    private static final int ESCALATIONS = 1;
    private static final int RELEASES = 2;
    private static final int CLAIMS = 3;
    private static final int OVERDUE = 4;

    private final Instant start;
    private final Instant end;
    private final ZoneId zone;
    private final Predicate<String> teamShown;
    private final Map<LocalDate, Map<String, long[]>> cells = new TreeMap<>();

    /** @param teamShown whether a step of a customer of that team (null for none) is counted */
    WeeklyTally(Instant start, Instant end, ZoneId zone, Predicate<String> teamShown) {
        this.start = start;
        this.end = end;
        this.zone = zone;
        this.teamShown = teamShown;
    }

    @Override
    public void opened(AlertKind kind, Instant dueAt, String teamId) {
        count(dueAt, teamId, switch (kind) {
            case STALE -> ALERTS;
            case ESCALATED -> ESCALATIONS;
            case RELEASED -> RELEASES;
            case OVERDUE -> OVERDUE;
        });
    }

    @Override
    public void claimed(Instant at, String teamId) {
        count(at, teamId, CLAIMS);
    }

    private void count(Instant at, String teamId, int what) {
        if (at.isBefore(start) || !at.isBefore(end) || !teamShown.test(teamId)) {
            return;
        }
        LocalDate week = monday(at.atZone(zone).toLocalDate());
        cells.computeIfAbsent(week, w -> new TreeMap<>())
                .computeIfAbsent(teamId == null ? NO_TEAM : teamId, t -> new long[5])[what]++;
    }

    BacktestView view(LocalDate from, LocalDate to, BacktestRules rules) {
        long[] total = new long[5];
        Map<String, long[]> perTeam = new TreeMap<>();
        List<BacktestRow> weeks = new ArrayList<>();
        List<BacktestRow> rows = new ArrayList<>();
        for (LocalDate week = monday(from); !week.isAfter(to); week = week.plusWeeks(1)) {
            long[] weekTotal = new long[5];
            for (Map.Entry<String, long[]> team : cells.getOrDefault(week, Map.of()).entrySet()) {
                rows.add(row(week, team.getKey(), team.getValue()));
                add(weekTotal, team.getValue());
                add(perTeam.computeIfAbsent(team.getKey(), t -> new long[5]), team.getValue());
            }
            add(total, weekTotal);
            weeks.add(row(week, null, weekTotal));
        }
        List<BacktestRow> teams = perTeam.entrySet().stream().map(team -> row(null, team.getKey(), team.getValue())).toList();
        return new BacktestView(from, to, end, rules.view(), row(null, null, total), weeks, teams, rows);
    }

    static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static BacktestRow row(LocalDate week, String team, long[] counts) {
        String label = week == null ? null : "%d-W%02d".formatted(week.get(IsoFields.WEEK_BASED_YEAR),
                week.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return new BacktestRow(label, week, team == null || team.equals(NO_TEAM) ? null : team, counts[ALERTS],
                counts[ESCALATIONS], counts[RELEASES], counts[CLAIMS], counts[OVERDUE]);
    }

    private static void add(long[] sum, long[] counts) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += counts[i];
        }
    }
}
