package dev.pulse.report.changes;

import dev.pulse.events.PulseTopics;
import dev.pulse.events.changes.ActivityTouch;
import dev.pulse.events.changes.CustomerChange;
import dev.pulse.report.activity.ActivityWriter;
import dev.pulse.report.funnel.FunnelWriter;
import dev.pulse.report.projector.Owner;
import dev.pulse.report.projector.ProjectingWriter;
import dev.pulse.report.projector.TopicWriter;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * The changes topic (customerId -> {@link CustomerChange}) into the two read models its records feed:
 * each record carries amounts to add, never absolute figures, to rep_activity
 * ({@link ActivityWriter}) and to the funnel rollups ({@link FunnelWriter}); each writer sums the
 * poll's deltas and adds them in SQL. The topic is read once and its records handed to both, in one
 * transaction, because deserialising the busiest topic twice would cost the projector more than the
 * two writers together spend in Java.
 */
@Component
class ChangeWriter implements TopicWriter.Factory {

    @Override
    public List<TopicWriter> create(PulseTopics topics) {
        return List.of(ProjectingWriter.derived(topics.changes(), ChangeWriter::complete, ChangeWriter::owners,
                ChangeWriter::write));
    }

    private static void write(DSLContext db, List<CustomerChange> changes) {
        OffsetDateTime now = OffsetDateTime.now();
        ActivityWriter.add(db, changes, now);
        FunnelWriter.add(db, changes, now);
    }

    /** The reps and teams whose activity or funnel figures the change moves. */
    private static List<Owner> owners(CustomerChange change) {
        var owners = new ArrayList<Owner>();
        ActivityTouch touch = change.activity();
        if (touch != null) { // the owners of its rows (ActivityTouch.rows): the rep's, and the team's without a rep
            owners.add(new Owner(touch.repId(), touch.teamId()));
            if (touch.teamId() != null) {
                owners.add(new Owner(null, touch.teamId()));
            }
        }
        change.funnel().forEach(delta -> owners.add(new Owner(delta.repId(), delta.teamId())));
        return owners;
    }

    /**
     * Changes are written only by the stream processor; one whose activity or funnel part lacks what
     * its row or cell is identified by is skipped as a whole.
     */
    private static boolean complete(CustomerChange change) {
        ActivityTouch touch = change.activity();
        boolean activityComplete = touch == null || (touch.repId() != null && touch.day() != null && touch.channel() != null);
        return activityComplete && change.funnel().stream().allMatch(cell -> cell != null && cell.cohortDay() != null);
    }
}
