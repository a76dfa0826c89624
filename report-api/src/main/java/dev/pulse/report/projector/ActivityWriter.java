package dev.pulse.report.projector;

import static dev.pulse.report.db.Tables.REP_ACTIVITY;

import dev.pulse.events.Channel;
import dev.pulse.events.JsonSerde;
import dev.pulse.events.activity.ActivityRow;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.jooq.DSLContext;
import org.jooq.Query;

/**
 * Activity rows into rep_activity. Each record carries a row's full current figures, so only the
 * last record per key in a batch is written, as an upsert.
 */
final class ActivityWriter implements TopicWriter {

    private final String topic;
    private final Deserializer<ActivityRow> rows = JsonSerde.of(ActivityRow.class).deserializer();

    ActivityWriter(String topic) {
        this.topic = topic;
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public int write(DSLContext db, List<ConsumerRecord<String, byte[]>> records, Set<Owner> touched) {
        Map<String, ActivityRow> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            ActivityRow row = readable(record);
            if (row != null) {
                latest.put(row.key(), row);
                touched.add(new Owner(row.repId(), row.teamId()));
            }
        }
        OffsetDateTime now = OffsetDateTime.now();
        List<Query> upserts = latest.values().stream().map(row -> (Query) db.insertInto(REP_ACTIVITY)
                .set(REP_ACTIVITY.ROW_KEY, row.key())
                .set(REP_ACTIVITY.SCOPE, row.scope().name())
                .set(REP_ACTIVITY.REP_ID, row.repId())
                .set(REP_ACTIVITY.TEAM_ID, row.teamId())
                .set(REP_ACTIVITY.GRANULARITY, row.granularity().name())
                .set(REP_ACTIVITY.BUCKET, row.bucket())
                .set(REP_ACTIVITY.PERIOD_START, row.periodStart())
                .set(REP_ACTIVITY.PERIOD_END, row.periodEnd())
                .set(figures(row, now))
                .onConflict(REP_ACTIVITY.ROW_KEY)
                .doUpdate()
                .set(figures(row, now))).toList();
        if (!upserts.isEmpty()) {
            db.batch(upserts).execute();
        }
        return upserts.size();
    }

    /**
     * Rows are written only by the stream processor; one that cannot be read or lacks a part of its
     * identity is skipped, because failing the batch would stop every topic's projection for good.
     */
    private ActivityRow readable(ConsumerRecord<String, byte[]> record) {
        try {
            ActivityRow row = rows.deserialize(topic, record.value());
            boolean complete = row != null && row.scope() != null && row.granularity() != null && row.bucket() != null
                    && row.periodStart() != null && row.periodEnd() != null;
            return complete ? row : null;
        } catch (SerializationException e) {
            return null;
        }
    }

    private static Map<org.jooq.Field<?>, Object> figures(ActivityRow row, OffsetDateTime now) {
        Map<org.jooq.Field<?>, Object> values = new LinkedHashMap<>();
        values.put(REP_ACTIVITY.FOLLOW_UPS, row.followUps());
        values.put(REP_ACTIVITY.CUSTOMERS, row.customers());
        values.put(REP_ACTIVITY.CH_PHONE, channel(row, Channel.PHONE));
        values.put(REP_ACTIVITY.CH_WECHAT, channel(row, Channel.WECHAT));
        values.put(REP_ACTIVITY.CH_EMAIL, channel(row, Channel.EMAIL));
        values.put(REP_ACTIVITY.CH_MEETING, channel(row, Channel.MEETING));
        values.put(REP_ACTIVITY.CH_VISIT, channel(row, Channel.VISIT));
        values.put(REP_ACTIVITY.CH_OTHER, channel(row, Channel.OTHER));
        values.put(REP_ACTIVITY.UPDATED_AT, now);
        return values;
    }

    private static long channel(ActivityRow row, Channel channel) {
        return row.byChannel().getOrDefault(channel.name(), 0L);
    }
}
