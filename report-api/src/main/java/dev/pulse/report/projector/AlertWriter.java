package dev.pulse.report.projector;

import static dev.pulse.report.db.Tables.ALERT;
import static org.jooq.impl.DSL.excluded;

import dev.pulse.events.JsonSerde;
import dev.pulse.events.alerts.Alert;
import dev.pulse.events.alerts.AlertStatus;
import dev.pulse.report.alerts.AlertOutbox;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.jooq.DSLContext;
import org.jooq.Query;

/**
 * Alerts into the alert table and, in the same transaction, into the webhook outbox. An alert
 * never goes back from RESOLVED to OPEN, whatever order a replay brings.
 */
final class AlertWriter implements TopicWriter {

    private final String topic;
    private final AlertOutbox outbox;
    private final Deserializer<Alert> alerts = JsonSerde.of(Alert.class).deserializer();

    AlertWriter(String topic, AlertOutbox outbox) {
        this.topic = topic;
        this.outbox = outbox;
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public int write(DSLContext db, List<ConsumerRecord<String, byte[]>> records, Set<Owner> touched) {
        List<Query> queries = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Alert alert = readable(record);
            if (alert == null) {
                continue;
            }
            touched.add(new Owner(alert.repId(), alert.teamId()));
            queries.add(db.insertInto(ALERT)
                    .set(ALERT.ALERT_ID, alert.alertId())
                    .set(ALERT.KIND, alert.kind().name())
                    .set(ALERT.STATUS, alert.status().name())
                    .set(ALERT.CUSTOMER_ID, alert.customerId())
                    .set(ALERT.CUSTOMER_NAME, alert.customerName())
                    .set(ALERT.REP_ID, alert.repId())
                    .set(ALERT.TEAM_ID, alert.teamId())
                    .set(ALERT.STAGE, alert.stage())
                    .set(ALERT.LAST_FOLLOW_UP_AT, utc(alert.lastFollowUpAt()))
                    .set(ALERT.NEXT_FOLLOW_UP_AT, utc(alert.nextFollowUpAt()))
                    .set(ALERT.THRESHOLD_DAYS, alert.thresholdDays() == null ? null : BigDecimal.valueOf(alert.thresholdDays()))
                    .set(ALERT.DUE_AT, utc(alert.dueAt()))
                    .set(ALERT.OPENED_AT, utc(alert.openedAt()))
                    .set(ALERT.RESOLVED_AT, utc(alert.resolvedAt()))
                    .set(ALERT.RESOLUTION, alert.resolution())
                    .onConflict(ALERT.ALERT_ID)
                    .doUpdate()
                    .set(ALERT.STATUS, excluded(ALERT.STATUS))
                    .set(ALERT.RESOLVED_AT, excluded(ALERT.RESOLVED_AT))
                    .set(ALERT.RESOLUTION, excluded(ALERT.RESOLUTION))
                    .where(ALERT.STATUS.eq(AlertStatus.OPEN.name())));
            queries.addAll(outbox.enqueue(db, alert));
        }
        if (!queries.isEmpty()) {
            db.batch(queries).execute();
        }
        return queries.isEmpty() ? 0 : records.size();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** Alerts are written only by the stream processor; an unreadable one is skipped, never allowed to block. */
    private Alert readable(ConsumerRecord<String, byte[]> record) {
        try {
            Alert alert = alerts.deserialize(topic, record.value());
            boolean complete = alert != null && alert.alertId() != null && alert.kind() != null && alert.status() != null
                    && alert.customerId() != null && alert.dueAt() != null && alert.openedAt() != null;
            return complete ? alert : null;
        } catch (SerializationException e) {
            return null;
        }
    }
}
