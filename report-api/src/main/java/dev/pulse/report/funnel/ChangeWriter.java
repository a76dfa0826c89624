package dev.pulse.report.funnel;

import static dev.pulse.report.db.Tables.REP_ACTIVITY;

import dev.pulse.events.Channel;
import dev.pulse.events.PulseTopics;
import dev.pulse.events.activity.ActivityRow;
import dev.pulse.events.changes.ActivityTouch;
import dev.pulse.events.changes.CustomerChange;
import dev.pulse.report.projector.Owner;
import dev.pulse.report.projector.ProjectingWriter;
import dev.pulse.report.projector.TopicWriter;
import dev.pulse.report.sql.CopyInsert;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

/**
 * The changes topic (customerId -> {@link CustomerChange}) into rep_activity and the funnel
 * rollups. Each record carries amounts to add, never absolute figures, so a poll is summed in
 * memory first: per activity row and per funnel cell one delta, whatever the number of records
 * that touched it. Both are then added in SQL, nothing is read back:
 *
 * <ul>
 *   <li>rep_activity: one upsert from rows streamed with COPY
 *       ({@code follow_ups = rep_activity.follow_ups + excluded.follow_ups}, ...).</li>
 *   <li>funnel_cell, funnel_stage, funnel_transition, funnel_stage_days: {@link FunnelWriter}, each
 *       delta at every {@link dev.pulse.report.funnel.FunnelGrain}.</li>
 * </ul>
 *
 * <p>Rows are written in key order, so two projector instances adding to the same row or cell
 * (customers of one team sit on several partitions) take its row lock in the same order: the second
 * waits for the first's commit instead of losing an update or deadlocking.
 */
@Component
class ChangeWriter implements TopicWriter.Factory {

    private static final List<Field<Long>> ACTIVITY_FIGURES = List.of(REP_ACTIVITY.FOLLOW_UPS, REP_ACTIVITY.CUSTOMERS,
            REP_ACTIVITY.CH_PHONE, REP_ACTIVITY.CH_WECHAT, REP_ACTIVITY.CH_EMAIL, REP_ACTIVITY.CH_MEETING,
            REP_ACTIVITY.CH_VISIT, REP_ACTIVITY.CH_OTHER);
    private static final List<Field<?>> ACTIVITY_COLUMNS = List.of(REP_ACTIVITY.ROW_KEY, REP_ACTIVITY.SCOPE,
            REP_ACTIVITY.REP_ID, REP_ACTIVITY.TEAM_ID, REP_ACTIVITY.GRANULARITY, REP_ACTIVITY.BUCKET,
            REP_ACTIVITY.PERIOD_START, REP_ACTIVITY.PERIOD_END, REP_ACTIVITY.FOLLOW_UPS, REP_ACTIVITY.CUSTOMERS,
            REP_ACTIVITY.CH_PHONE, REP_ACTIVITY.CH_WECHAT, REP_ACTIVITY.CH_EMAIL, REP_ACTIVITY.CH_MEETING,
            REP_ACTIVITY.CH_VISIT, REP_ACTIVITY.CH_OTHER, REP_ACTIVITY.UPDATED_AT);

    @Override
    public List<TopicWriter> create(PulseTopics topics) {
        return List.of(ProjectingWriter.derived(topics.changes(), ChangeWriter::complete, ChangeWriter::owners,
                ChangeWriter::write));
    }

    private static void write(DSLContext db, List<CustomerChange> changes) {
        // key -> the sum of the poll's deltas, in key order (the order rows are locked in)
        Map<String, ActivityRow> activity = new TreeMap<>();
        Map<String, FunnelRollup> funnel = new TreeMap<>();
        for (CustomerChange change : changes) {
            change.activityDeltas().forEach(delta -> activity.merge(delta.key(), delta, ActivityRow::plus));
            change.funnel().forEach(delta -> FunnelRollup.addAtEveryGrain(delta, funnel));
        }
        OffsetDateTime now = OffsetDateTime.now();
        addActivity(db, activity.values(), now);
        FunnelWriter.add(db, funnel.values(), now);
    }

    /** The reps and teams whose activity or funnel figures the change moves. */
    private static List<Owner> owners(CustomerChange change) {
        var owners = new ArrayList<Owner>();
        change.activityDeltas().forEach(delta -> owners.add(new Owner(delta.repId(), delta.teamId())));
        change.funnel().forEach(delta -> owners.add(new Owner(delta.repId(), delta.teamId())));
        return owners;
    }

    /** One upsert: a new row starts at its delta, an existing one adds it. */
    private static void addActivity(DSLContext db, Collection<ActivityRow> deltas, OffsetDateTime now) {
        CopyInsert.upsertAdding(db, REP_ACTIVITY, ACTIVITY_COLUMNS, List.of(REP_ACTIVITY.ROW_KEY), ACTIVITY_FIGURES,
                List.of(REP_ACTIVITY.UPDATED_AT), deltas, row -> new Object[] {
                        row.key(), row.scope().name(), row.repId(), row.teamId(), row.granularity().name(), row.bucket(),
                        row.periodStart(), row.periodEnd(), row.followUps(), row.customers(),
                        channel(row, Channel.PHONE), channel(row, Channel.WECHAT), channel(row, Channel.EMAIL),
                        channel(row, Channel.MEETING), channel(row, Channel.VISIT), channel(row, Channel.OTHER), now});
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

    private static long channel(ActivityRow row, Channel channel) {
        return row.byChannel().getOrDefault(channel.name(), 0L);
    }
}
