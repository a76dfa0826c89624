package dev.pulse.events.changes;

import dev.pulse.events.activity.ActivityRow;
import dev.pulse.events.activity.ActivityScope;
import dev.pulse.events.activity.Granularity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One counted follow-up as activity sees it: one more follow-up on its channel in the day, ISO
 * week and month of {@code day} (already cut in the reporting time zone), for its rep and, when
 * it has one, its team; and in which of those periods the customer is counted for the first time.
 *
 * @param newForRep  periods in which this customer is new for the rep
 * @param newForTeam periods in which this customer is new for the team
 */
public record ActivityTouch(String repId, String teamId, LocalDate day, String channel,
                            Set<Granularity> newForRep, Set<Granularity> newForTeam) {

    public ActivityTouch {
        newForRep = newForRep == null ? Set.of() : Set.copyOf(newForRep);
        newForTeam = newForTeam == null ? Set.of() : Set.copyOf(newForTeam);
    }

    /** The rows touched, each with the amounts to add: 3 for the rep, 3 more for a team. */
    public List<ActivityRow> rows() {
        List<ActivityRow> rows = new ArrayList<>(6);
        for (Granularity granularity : Granularity.values()) {
            rows.add(delta(ActivityScope.REP, repId, granularity, newForRep.contains(granularity)));
        }
        if (teamId != null) {
            for (Granularity granularity : Granularity.values()) {
                rows.add(delta(ActivityScope.TEAM, null, granularity, newForTeam.contains(granularity)));
            }
        }
        return rows;
    }

    private ActivityRow delta(ActivityScope scope, String rep, Granularity granularity, boolean newCustomer) {
        Granularity.Period period = granularity.periodOf(day);
        return new ActivityRow(scope, rep, teamId, granularity, period.bucket(), period.start(), period.end(),
                1, newCustomer ? 1 : 0, Map.of(channel, 1L));
    }
}
