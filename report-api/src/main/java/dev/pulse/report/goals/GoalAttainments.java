package dev.pulse.report.goals;

import dev.pulse.report.config.ReportProperties;
import dev.pulse.report.security.Scopes;
import dev.pulse.report.web.Parameters;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/** Goals against the read model at an instant (DESIGN.md definition 8), and the team leaderboard. */
@Component
public class GoalAttainments {

    /** A rep's place on the team leaderboard. */
    public record Place(int rank, Attainment attainment) {
    }

    /** Highest attainment first; a tie goes to the rep id that sorts first, so the order is stable. */
    static final Comparator<Attainment> LEADERBOARD = Comparator.comparing(Attainment::attainment).reversed()
            .thenComparing(Attainment::repId);

    private final Goals goals;
    private final GoalActuals actuals;
    private final ZoneId zone;
    private final Clock clock;

    GoalAttainments(Goals goals, GoalActuals actuals, ReportProperties report, Clock clock) {
        this.goals = goals;
        this.actuals = actuals;
        this.zone = report.zone();
        this.clock = clock;
    }

    ZoneId zone() {
        return zone;
    }

    /** Today in the reporting zone, when no day is given. */
    public LocalDate dayOr(LocalDate day) {
        return day != null ? day : LocalDate.now(clock.withZone(zone));
    }

    /**
     * The goals of the caller's scope whose period contains {@code day} (default today), optionally of
     * one rep, team or metric, against what was done until now.
     */
    public List<Attainment> forCaller(LocalDate day, String repId, String teamId, String metric) {
        String rep = Parameters.text(repId);
        String team = Parameters.text(teamId);
        return of(goals.list(Scopes.checked(rep, team), dayOr(day), rep, team, metric(metric)), clock.instant());
    }

    /** The reps' goals of one team and metric in the period of {@code day}, ranked. */
    List<Place> leaderboard(String teamId, Metric metric, LocalDate day) {
        List<Goal> repGoals = goals.list(Scopes.checked(null, teamId), day, null, teamId, metric).stream()
                .filter(goal -> goal.scope() == Goal.Scope.REP).toList();
        List<Attainment> ranked = of(repGoals, clock.instant()).stream().sorted(LEADERBOARD).toList();
        return IntStream.range(0, ranked.size()).mapToObj(i -> new Place(i + 1, ranked.get(i))).toList();
    }

    List<Attainment> of(List<Goal> list, Instant now) {
        return list.stream().map(goal -> of(goal, now)).toList();
    }

    Attainment of(Goal goal, Instant now) {
        BigDecimal actual = actuals.of(goal, zone);
        BigDecimal elapsed = Pace.elapsedShare(goal.periodStart(), goal.periodEnd(), zone, now);
        BigDecimal pace = Pace.pace(actual, goal.target(), elapsed);
        return new Attainment(goal.goalId(), goal.scope(), goal.repId(), goal.teamId(), goal.metric(), goal.periodStart(),
                goal.periodEnd().minusDays(1), goal.target(), goal.currency(), actual, Pace.attainment(actual, goal.target()),
                Pace.shown(elapsed), goal.target().multiply(elapsed).setScale(2, RoundingMode.HALF_UP), pace,
                pace != null && pace.compareTo(BigDecimal.ONE) < 0);
    }

    /** A metric asked for, null when none is. */
    static Metric metric(String metric) {
        String value = Parameters.text(metric);
        return value == null ? null : Parameters.oneOf(Metric.class, "metric", value);
    }
}
