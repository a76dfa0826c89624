package dev.pulse.report.activity;

import static dev.pulse.report.db.Tables.REP_ACTIVITY;

import dev.pulse.events.Channel;
import dev.pulse.events.activity.ActivityRow;
import dev.pulse.events.changes.CustomerChange;
import dev.pulse.report.sql.CopyInsert;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * A poll's activity deltas into rep_activity: summed in memory first, one per row whatever the number
 * of records that touched it, then one upsert from rows streamed with COPY ({@code follow_ups =
 * rep_activity.follow_ups + excluded.follow_ups}, ...), in key order, so two projector instances
 * adding to one row wait for each other instead of losing an update. Nothing is read back.
 */
public final class ActivityWriter {

    private static final List<Field<Long>> FIGURES = List.of(REP_ACTIVITY.FOLLOW_UPS, REP_ACTIVITY.CUSTOMERS,
            REP_ACTIVITY.CH_PHONE, REP_ACTIVITY.CH_WECHAT, REP_ACTIVITY.CH_EMAIL, REP_ACTIVITY.CH_MEETING,
            REP_ACTIVITY.CH_VISIT, REP_ACTIVITY.CH_OTHER);
    private static final List<Field<?>> COLUMNS = List.of(REP_ACTIVITY.ROW_KEY, REP_ACTIVITY.SCOPE,
            REP_ACTIVITY.REP_ID, REP_ACTIVITY.TEAM_ID, REP_ACTIVITY.GRANULARITY, REP_ACTIVITY.BUCKET,
            REP_ACTIVITY.PERIOD_START, REP_ACTIVITY.PERIOD_END, REP_ACTIVITY.FOLLOW_UPS, REP_ACTIVITY.CUSTOMERS,
            REP_ACTIVITY.CH_PHONE, REP_ACTIVITY.CH_WECHAT, REP_ACTIVITY.CH_EMAIL, REP_ACTIVITY.CH_MEETING,
            REP_ACTIVITY.CH_VISIT, REP_ACTIVITY.CH_OTHER, REP_ACTIVITY.UPDATED_AT);

    private ActivityWriter() {
    }

    /** One upsert: a new row starts at its delta, an existing one adds it. */
    public static void add(DSLContext db, List<CustomerChange> changes, OffsetDateTime now) {
        Map<String, ActivityRow> sums = new TreeMap<>();
        for (CustomerChange change : changes) {
            change.activityDeltas().forEach(delta -> sums.merge(delta.key(), delta, ActivityRow::plus));
        }
        CopyInsert.upsertAdding(db, REP_ACTIVITY, COLUMNS, List.of(REP_ACTIVITY.ROW_KEY), FIGURES,
                List.of(REP_ACTIVITY.UPDATED_AT), sums.values(), row -> new Object[] {
                        row.key(), row.scope().name(), row.repId(), row.teamId(), row.granularity().name(), row.bucket(),
                        row.periodStart(), row.periodEnd(), row.followUps(), row.customers(),
                        channel(row, Channel.PHONE), channel(row, Channel.WECHAT), channel(row, Channel.EMAIL),
                        channel(row, Channel.MEETING), channel(row, Channel.VISIT), channel(row, Channel.OTHER), now});
    }

    private static long channel(ActivityRow row, Channel channel) {
        return row.byChannel().getOrDefault(channel.name(), 0L);
    }
}
