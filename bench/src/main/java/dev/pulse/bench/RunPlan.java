package dev.pulse.bench;

import dev.pulse.bench.generate.Scale;
import java.util.LinkedHashMap;
import java.util.Map;

/** The sizes of one run: the in full mode, scaled down in quick mode (under 5 minutes on 2 cores). */
record RunPlan(String mode, Scale history, Scale ingestLoad, Scale steadyLoad, int freshnessSeconds, int apiRuns,
               int sqlRuns, int staleProbes, int footprintLoadSeconds) {

    static RunPlan quick() {
        return new RunPlan("quick", new Scale(4, 10, 6_000, 180), new Scale(2, 10, 5_000, 90),
                new Scale(2, 10, 3_000, 90), 20, 200, 20, 2, 10);
    }

    static RunPlan full() {
        return new RunPlan("full", new Scale(40, 50, 1_000_000, 365), new Scale(10, 20, 100_000, 365),
                new Scale(10, 20, 10_000, 365), 60, 500, 10, 5, 30);
    }

    Map<String, Object> describe() {
        Map<String, Object> scale = new LinkedHashMap<>();
        scale.put("customers", history.customers());
        scale.put("reps", history.reps());
        scale.put("teams", history.teams());
        scale.put("historyDays", history.historyDays());
        scale.put("freshnessSeconds", freshnessSeconds);
        scale.put("reportRunsPerEndpoint", apiRuns);
        scale.put("plainSqlRunsPerEndpoint", sqlRuns);
        return scale;
    }
}
