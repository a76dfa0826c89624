package dev.pulse.processor.activity;

import dev.pulse.events.FollowUp;
import dev.pulse.events.activity.ActivityScope;
import dev.pulse.events.activity.Granularity;
import dev.pulse.events.changes.ActivityTouch;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/**
 * Per-rep and per-team follow-up activity (DESIGN.md definition 1), decided from the customer's
 * side: a counted follow-up adds one follow-up on its channel to its rep's (and team's) day, ISO
 * week and month of the reporting time zone, by {@code occurredAt}, so a late event lands in its
 * own period; the customer counts once per row, which the customer's own set of rows decides.
 * No repartition by rep or team is needed: the projector adds the touch to the rows.
 */
public final class ActivityRows {

    /** Ids are printable: NUL cannot occur in them, so joined keys cannot collide. */
    private static final String SEPARATOR = "\u0000";

    private final ZoneId zone;

    public ActivityRows(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * @param counted the rows this customer is already counted in; the follow-up's rows are added
     */
    public ActivityTouch touch(FollowUp followUp, Set<String> counted) {
        LocalDate day = LocalDate.ofInstant(followUp.occurredAt(), zone);
        Set<Granularity> newForRep = EnumSet.noneOf(Granularity.class);
        Set<Granularity> newForTeam = EnumSet.noneOf(Granularity.class);
        for (Granularity granularity : Granularity.values()) {
            String bucket = granularity.periodOf(day).bucket();
            if (counted.add(rowId(ActivityScope.REP, granularity, bucket, followUp.repId(), followUp.teamId()))) {
                newForRep.add(granularity);
            }
            if (followUp.teamId() != null
                    && counted.add(rowId(ActivityScope.TEAM, granularity, bucket, null, followUp.teamId()))) {
                newForTeam.add(granularity);
            }
        }
        return new ActivityTouch(followUp.repId(), followUp.teamId(), day, followUp.channel().name(), newForRep,
                newForTeam);
    }

    /** The identity of a row (a rep's row is per rep and team, as the row key is), short enough to keep per customer. */
    private static String rowId(ActivityScope scope, Granularity granularity, String bucket, String repId, String teamId) {
        return scope.name().charAt(0) + granularity.name().substring(0, 1) + bucket + SEPARATOR + repId + SEPARATOR + teamId;
    }
}
