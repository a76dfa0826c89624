package dev.pulse.events.changes;

import dev.pulse.events.activity.ActivityRow;
import dev.pulse.events.funnel.FunnelCell;
import java.util.List;

/**
 * What one counted event changed in the additive aggregates: the value of the changes topic,
 * keyed by customerId. The stream processor decides it from the customer's own history (is this
 * customer new in the rep's day, week and month; the customer's funnel contribution before minus
 * after), so the projector only adds: one record per event instead of a full row per aggregate.
 *
 * @param activity the follow-up's place in rep and team activity, or null (a sale)
 * @param funnel   signed changes of funnel cells (usually one; two when the customer moved cells), may be empty
 */
public record CustomerChange(ActivityTouch activity, List<FunnelCell> funnel) {

    public CustomerChange {
        funnel = funnel == null ? List.of() : List.copyOf(funnel);
    }

    /** The activity rows this change adds to, each holding the amounts to add (never absolute figures). */
    public List<ActivityRow> activityDeltas() {
        return activity == null ? List.of() : activity.rows();
    }

    public boolean isEmpty() {
        return activity == null && funnel.isEmpty();
    }
}
