package dev.pulse.report.projector;

import static dev.pulse.report.db.Tables.FUNNEL_CELL;
import static dev.pulse.report.db.Tables.REP_ACTIVITY;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.excluded;

import dev.pulse.events.Channel;
import dev.pulse.events.Json;
import dev.pulse.events.JsonSerde;
import dev.pulse.events.activity.ActivityRow;
import dev.pulse.events.changes.ActivityTouch;
import dev.pulse.events.changes.CustomerChange;
import dev.pulse.events.funnel.FunnelCell;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import dev.pulse.report.sql.MultiRowInsert;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * The changes topic (customerId -> {@link CustomerChange}) into rep_activity and funnel_cell. Each
 * record carries amounts to add, never absolute figures, so a poll is summed in memory first: per
 * activity row and per funnel cell one delta, whatever the number of records that touched it.
 *
 * <ul>
 *   <li>rep_activity: one multi-row upsert that adds the deltas in SQL
 *       ({@code follow_ups = rep_activity.follow_ups + excluded.follow_ups}, ...).</li>
 *   <li>funnel_cell: the touched cells are locked and read in one statement, the deltas added in
 *       Java ({@link FunnelCell#plus(FunnelCell)}), the results written back in one multi-row
 *       upsert; a cell left without customers (they all moved to other cells) is deleted in one
 *       statement, since an empty cell adds nothing to any funnel.</li>
 * </ul>
 *
 * <p>Rows are written in key order, and the funnel's keys are locked with transaction-scoped
 * advisory locks before they are read, so two projector instances adding to the same row or cell
 * (customers of one team sit on several partitions) wait for each other instead of losing an
 * update, and take their locks in the same order.
 */
final class ChangeWriter implements TopicWriter {

    /** The class of the advisory locks taken on funnel cell keys (the first half of their two-int key). */
    static final int FUNNEL_CELL_LOCKS = 0x50554c53; // "PULS"

    private static final List<Field<Long>> ACTIVITY_FIGURES = List.of(REP_ACTIVITY.FOLLOW_UPS, REP_ACTIVITY.CUSTOMERS,
            REP_ACTIVITY.CH_PHONE, REP_ACTIVITY.CH_WECHAT, REP_ACTIVITY.CH_EMAIL, REP_ACTIVITY.CH_MEETING,
            REP_ACTIVITY.CH_VISIT, REP_ACTIVITY.CH_OTHER);
    private static final List<Field<?>> ACTIVITY_COLUMNS = List.of(REP_ACTIVITY.ROW_KEY, REP_ACTIVITY.SCOPE,
            REP_ACTIVITY.REP_ID, REP_ACTIVITY.TEAM_ID, REP_ACTIVITY.GRANULARITY, REP_ACTIVITY.BUCKET,
            REP_ACTIVITY.PERIOD_START, REP_ACTIVITY.PERIOD_END, REP_ACTIVITY.FOLLOW_UPS, REP_ACTIVITY.CUSTOMERS,
            REP_ACTIVITY.CH_PHONE, REP_ACTIVITY.CH_WECHAT, REP_ACTIVITY.CH_EMAIL, REP_ACTIVITY.CH_MEETING,
            REP_ACTIVITY.CH_VISIT, REP_ACTIVITY.CH_OTHER, REP_ACTIVITY.UPDATED_AT);
    private static final List<Field<?>> FUNNEL_COLUMNS = List.of(FUNNEL_CELL.CELL_KEY, FUNNEL_CELL.COHORT_DAY,
            FUNNEL_CELL.REP_ID, FUNNEL_CELL.TEAM_ID, FUNNEL_CELL.SOURCE, FUNNEL_CELL.CUSTOMERS, FUNNEL_CELL.WITH_SALE,
            FUNNEL_CELL.REVENUE, FUNNEL_CELL.FIGURES, FUNNEL_CELL.UPDATED_AT);

    private final String topic;
    private final Deserializer<CustomerChange> changes = JsonSerde.of(CustomerChange.class).deserializer();

    ChangeWriter(String topic) {
        this.topic = topic;
    }

    @Override
    public String topic() {
        return topic;
    }

    /** @return how many change records were readable and added; the others are skipped */
    @Override
    public int write(DSLContext db, List<ConsumerRecord<String, byte[]>> records, Set<Owner> touched) {
        // key -> the sum of the poll's deltas, in key order (the order rows are locked in)
        Map<String, ActivityRow> activity = new TreeMap<>();
        Map<String, FunnelCell> funnel = new TreeMap<>();
        int projected = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            CustomerChange change = readable(record);
            if (change == null) {
                continue;
            }
            projected++;
            for (ActivityRow delta : change.activityDeltas()) {
                activity.merge(delta.key(), delta, ActivityRow::plus);
                touched.add(new Owner(delta.repId(), delta.teamId()));
            }
            for (FunnelCell delta : change.funnel()) {
                funnel.merge(delta.key(), delta, FunnelCell::plus);
                touched.add(new Owner(delta.repId(), delta.teamId()));
            }
        }
        OffsetDateTime now = OffsetDateTime.now();
        addActivity(db, activity.values(), now);
        addFunnel(db, funnel, now);
        return projected;
    }

    /** One upsert per chunk of rows: a new row starts at its delta, an existing one adds it. */
    private static void addActivity(DSLContext db, Collection<ActivityRow> deltas, OffsetDateTime now) {
        if (deltas.isEmpty()) {
            return;
        }
        Map<Field<?>, Object> add = new LinkedHashMap<>();
        for (Field<Long> figure : ACTIVITY_FIGURES) {
            add.put(figure, figure.plus(excluded(figure)));
        }
        add.put(REP_ACTIVITY.UPDATED_AT, excluded(REP_ACTIVITY.UPDATED_AT));
        MultiRowInsert.insert(db, REP_ACTIVITY, ACTIVITY_COLUMNS, deltas, row -> new Object[] {
                        row.key(), row.scope().name(), row.repId(), row.teamId(), row.granularity().name(), row.bucket(),
                        row.periodStart(), row.periodEnd(), row.followUps(), row.customers(),
                        channel(row, Channel.PHONE), channel(row, Channel.WECHAT), channel(row, Channel.EMAIL),
                        channel(row, Channel.MEETING), channel(row, Channel.VISIT), channel(row, Channel.OTHER), now},
                insert -> insert.onConflict(REP_ACTIVITY.ROW_KEY).doUpdate().set(add));
    }

    /** Lock and read the touched cells, add the deltas in Java, write back the cells with customers, delete the rest. */
    private static void addFunnel(DSLContext db, Map<String, FunnelCell> deltas, OffsetDateTime now) {
        if (deltas.isEmpty()) {
            return;
        }
        String[] keys = deltas.keySet().toArray(String[]::new); // sorted: the TreeMap's order
        db.fetchValue("select count(pg_advisory_xact_lock(?, hashtext(k))) from unnest(?::text[]) as t(k)",
                FUNNEL_CELL_LOCKS, keys);
        Map<String, FunnelCell> stored = new LinkedHashMap<>();
        db.select(FUNNEL_CELL.CELL_KEY, FUNNEL_CELL.FIGURES)
                .from(FUNNEL_CELL)
                .where(FUNNEL_CELL.CELL_KEY.eq(any(keys)))
                .orderBy(FUNNEL_CELL.CELL_KEY)
                .forUpdate()
                .fetch()
                .forEach(r -> stored.put(r.value1(), Json.MAPPER.readValue(r.value2(), FunnelCell.class)));
        List<FunnelCell> kept = new ArrayList<>();
        List<String> emptied = new ArrayList<>();
        deltas.forEach((key, delta) -> {
            FunnelCell before = stored.get(key);
            FunnelCell after = (before == null ? FunnelCell.empty() : before).plus(delta);
            if (after.customers() > 0) {
                kept.add(after);
            } else if (before != null) {
                emptied.add(key);
            }
        });
        if (!kept.isEmpty()) {
            Map<Field<?>, Object> replace = new LinkedHashMap<>();
            for (Field<?> column : List.of(FUNNEL_CELL.CUSTOMERS, FUNNEL_CELL.WITH_SALE, FUNNEL_CELL.REVENUE,
                    FUNNEL_CELL.FIGURES, FUNNEL_CELL.UPDATED_AT)) {
                replace.put(column, excluded(column));
            }
            MultiRowInsert.insert(db, FUNNEL_CELL, FUNNEL_COLUMNS, kept, cell -> new Object[] {
                            cell.key(), cell.cohortDay(), cell.repId(), cell.teamId(), cell.source(), cell.customers(),
                            cell.withSale(), cell.revenue(), Json.MAPPER.writeValueAsString(cell), now},
                    insert -> insert.onConflict(FUNNEL_CELL.CELL_KEY).doUpdate().set(replace));
        }
        if (!emptied.isEmpty()) {
            db.deleteFrom(FUNNEL_CELL).where(FUNNEL_CELL.CELL_KEY.eq(any(emptied.toArray(String[]::new)))).execute();
        }
    }

    /**
     * Changes are written only by the stream processor; one that cannot be read, or whose activity
     * or funnel part lacks what its row or cell is identified by, is skipped as a whole, because
     * failing the batch would stop every topic's projection for good.
     */
    private CustomerChange readable(ConsumerRecord<String, byte[]> record) {
        try {
            CustomerChange change = changes.deserialize(topic, record.value());
            if (change == null) {
                return null;
            }
            ActivityTouch touch = change.activity();
            boolean activityComplete = touch == null
                    || (touch.repId() != null && touch.day() != null && touch.channel() != null);
            boolean funnelComplete = change.funnel().stream().allMatch(cell -> cell != null && cell.cohortDay() != null);
            return activityComplete && funnelComplete ? change : null;
        } catch (SerializationException e) {
            return null;
        }
    }

    private static long channel(ActivityRow row, Channel channel) {
        return row.byChannel().getOrDefault(channel.name(), 0L);
    }
}
