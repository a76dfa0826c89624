package dev.pulse.report.activity;

import java.util.List;

/** A team and the reps seen working in it, for the dashboards' filters. */
public record TeamView(String teamId, List<String> reps) {
}
