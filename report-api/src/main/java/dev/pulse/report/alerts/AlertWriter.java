package dev.pulse.report.alerts;

import static dev.pulse.report.db.Tables.ALERT;
import static org.jooq.impl.DSL.excluded;

import dev.pulse.events.Topic;
import dev.pulse.events.alerts.Alert;
import dev.pulse.events.alerts.AlertStatus;
import dev.pulse.report.projector.Owner;
import dev.pulse.report.projector.TopicWriter;
import dev.pulse.report.sql.MultiRowInsert;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * Alerts into the alert table and, in the same transaction, into the webhook outbox: one multi-row
 * upsert for the poll's alerts, one multi-row insert for their messages. An alert never goes back
 * from RESOLVED to OPEN, whatever order a replay brings: several records of one alert in a poll are
 * first folded as the database would apply them one by one (the first record's row, then each
 * later record's status while the alert is still OPEN), so the statement touches each alert once.
 */
final class AlertWriter implements TopicWriter {

    private static final List<Field<?>> COLUMNS = List.of(ALERT.ALERT_ID, ALERT.KIND, ALERT.STATUS, ALERT.CUSTOMER_ID,
            ALERT.CUSTOMER_NAME, ALERT.REP_ID, ALERT.TEAM_ID, ALERT.STAGE, ALERT.LAST_FOLLOW_UP_AT,
            ALERT.NEXT_FOLLOW_UP_AT, ALERT.THRESHOLD_DAYS, ALERT.DUE_AT, ALERT.OPENED_AT, ALERT.RESOLVED_AT,
            ALERT.RESOLUTION, ALERT.CLAIMED_BY);

    private final String topic;
    private final AlertOutbox outbox;
    private final Deserializer<Alert> alerts;

    AlertWriter(Topic<String, Alert> topic, AlertOutbox outbox) {
        this.topic = topic.name();
        this.alerts = topic.valueSerde().deserializer();
        this.outbox = outbox;
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public int write(DSLContext db, List<ConsumerRecord<String, byte[]>> records, Set<Owner> touched) {
        List<Alert> readable = new ArrayList<>();
        // alert id -> what its records leave in the row, in id order (the order rows are locked in)
        Map<UUID, Alert> folded = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Alert alert = readable(record);
            if (alert == null) {
                continue;
            }
            touched.add(new Owner(alert.repId(), alert.teamId()));
            readable.add(alert);
            folded.merge(alert.alertId(), alert, AlertWriter::thenApplied);
        }
        MultiRowInsert.insert(db, ALERT, COLUMNS, folded.values(), alert -> new Object[] {
                        alert.alertId(), alert.kind().name(), alert.status().name(), alert.customerId(),
                        alert.customerName(), alert.repId(), alert.teamId(), alert.stage(), utc(alert.lastFollowUpAt()),
                        utc(alert.nextFollowUpAt()),
                        alert.thresholdDays() == null ? null : BigDecimal.valueOf(alert.thresholdDays()),
                        utc(alert.dueAt()), utc(alert.openedAt()), utc(alert.resolvedAt()), alert.resolution(),
                        alert.claimedBy()},
                insert -> insert.onConflict(ALERT.ALERT_ID)
                        .doUpdate()
                        .set(ALERT.STATUS, excluded(ALERT.STATUS))
                        .set(ALERT.RESOLVED_AT, excluded(ALERT.RESOLVED_AT))
                        .set(ALERT.RESOLUTION, excluded(ALERT.RESOLUTION))
                        .set(ALERT.CLAIMED_BY, excluded(ALERT.CLAIMED_BY))
                        .where(ALERT.STATUS.eq(AlertStatus.OPEN.name())));
        // every record's message, as before: one already queued (a replay) is skipped by the outbox
        outbox.enqueue(db, readable);
        return readable.size();
    }

    /**
     * The row an upsert of {@code later} leaves after {@code row}: its status, resolution time,
     * resolution and claimant replace the row's only while the row is OPEN; every other column stays
     * the first record's.
     */
    static Alert thenApplied(Alert row, Alert later) {
        if (row.status() != AlertStatus.OPEN) {
            return row;
        }
        return new Alert(row.alertId(), row.kind(), later.status(), row.customerId(), row.customerName(), row.repId(),
                row.teamId(), row.stage(), row.lastFollowUpAt(), row.nextFollowUpAt(), row.thresholdDays(), row.dueAt(),
                row.openedAt(), later.resolvedAt(), later.resolution(), later.claimedBy());
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
