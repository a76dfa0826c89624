package dev.pulse.bench;

import dev.pulse.bench.generate.Scale;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sizes of one run: the in full mode, scaled down in quick mode.
 *
 * @param history          the sales floor the reports, freshness and stale phases read
 * @param replay           the sales floor the replay generates from; in full mode the history itself
 * @param replayFollowUps  the replay generates customers until it has at least this many follow-ups
 *                         ({@link Long#MAX_VALUE}: every customer of {@code replay}); the Kafka baselines
 *                         run on the same count, since on a few thousand records they measure JVM warm-up
 * @param replayIsHistory  whether the reports read the replay's data (full mode) or a history of their own
 *                         (quick mode: 1 M events are the replay's, 6,000 customers are enough for reports)
 * @param replayTimeout    a replay still behind after this long is reported as it stands
 * @param freshnessRates   follow-ups per second offered in turn, each for {@code freshnessSeconds}
 */
record RunPlan(String mode, Scale history, Scale replay, long replayFollowUps, boolean replayIsHistory,
               Duration replayTimeout, Scale ingestLoad, Scale steadyLoad, List<Integer> freshnessRates,
               int freshnessSeconds, int apiRuns, int sqlRuns, int staleProbes, int footprintLoadSeconds) {

    /** About nine follow-ups a customer over 180 days: 300,000 customers leave room for the 1,000,000. */
    static RunPlan quick() {
        return new RunPlan("quick", new Scale(4, 10, 6_000, 180), new Scale(10, 20, 300_000, 180), 1_000_000, false,
                Duration.ofMinutes(10), new Scale(2, 10, 20_000, 90), new Scale(2, 10, 20_000, 90), List.of(10, 1_000),
                20, 200, 20, 2, 10);
    }

    static RunPlan full() {
        Scale history = new Scale(40, 50, 1_000_000, 365);
        return new RunPlan("full", history, history, Long.MAX_VALUE, true, Duration.ofHours(12),
                new Scale(10, 20, 100_000, 365), new Scale(10, 20, 100_000, 365), List.of(10, 1_000), 60, 500, 5, 5, 30);
    }

    /** The same plan with a replay of at least {@code followUps} follow-ups (quick mode only: full replays the history). */
    RunPlan withReplayFollowUps(long followUps) {
        if (replayIsHistory) {
            throw new IllegalArgumentException("--follow-ups works with --quick only: full mode replays the whole history");
        }
        return new RunPlan(mode, history, replay, followUps, false, replayTimeout, ingestLoad, steadyLoad,
                freshnessRates, freshnessSeconds, apiRuns, sqlRuns, staleProbes, footprintLoadSeconds);
    }

    Map<String, Object> describe() {
        Map<String, Object> scale = new LinkedHashMap<>();
        scale.put("customers", history.customers());
        scale.put("reps", history.reps());
        scale.put("teams", history.teams());
        scale.put("historyDays", history.historyDays());
        scale.put("replayFollowUpsAtLeast", replayIsHistory ? "the whole history" : replayFollowUps);
        scale.put("replayReps", replay.reps());
        scale.put("freshnessRates", freshnessRates);
        scale.put("freshnessSeconds", freshnessSeconds);
        scale.put("reportRunsPerEndpoint", apiRuns);
        scale.put("plainSqlRunsPerEndpoint", sqlRuns);
        return scale;
    }
}
