package dev.pulse.bench.generate;

/**
 * How big the generated sales floor is. Each customer gets about ten follow-ups over a year (10.3
 * with seed 42; fewer when the history is shorter, as a walk is cut at the run's start), so a
 * million customers make about ten million follow-ups.
 *
 * @param historyDays how far back the first contacts go
 */
public record Scale(int teams, int repsPerTeam, int customers, int historyDays) {

    public Scale {
        if (teams < 1 || repsPerTeam < 1 || customers < 1 || historyDays < 30) {
            throw new IllegalArgumentException("a scale needs at least one team, rep and customer and 30 days of history");
        }
    }

    public int reps() {
        return teams * repsPerTeam;
    }
}
