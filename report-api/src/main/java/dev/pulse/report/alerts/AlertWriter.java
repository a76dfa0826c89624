package dev.pulse.report.alerts;

import static dev.pulse.report.db.Tables.ALERT;
import static org.jooq.impl.DSL.excluded;

import dev.pulse.events.PulseTopics;
import dev.pulse.events.alerts.Alert;
import dev.pulse.events.alerts.AlertStatus;
import dev.pulse.report.projector.Owner;
import dev.pulse.report.projector.ProjectingWriter;
import dev.pulse.report.projector.TopicWriter;
import dev.pulse.report.sql.MultiRowInsert;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

/**
 * Alerts into the alert table and, in the same transaction, into the webhook outbox: one multi-row
 * upsert for the poll's alerts, one multi-row insert for their messages. An alert never goes back
 * from RESOLVED to OPEN, whatever order a replay brings: several records of one alert in a poll are
 * first folded as the database would apply them one by one (the first record's row, then each
 * later record's status while the alert is still OPEN), so the statement touches each alert once.
 */
@Component
class AlertWriter implements TopicWriter.Factory {

    private static final List<Field<?>> COLUMNS = List.of(ALERT.ALERT_ID, ALERT.KIND, ALERT.STATUS, ALERT.CUSTOMER_ID,
            ALERT.CUSTOMER_NAME, ALERT.REP_ID, ALERT.TEAM_ID, ALERT.STAGE, ALERT.LAST_FOLLOW_UP_AT,
            ALERT.NEXT_FOLLOW_UP_AT, ALERT.THRESHOLD_DAYS, ALERT.DUE_AT, ALERT.OPENED_AT, ALERT.RESOLVED_AT,
            ALERT.RESOLUTION, ALERT.CLAIMED_BY);

    private final AlertOutbox outbox;

    AlertWriter(AlertOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public List<TopicWriter> create(PulseTopics topics) {
        return List.of(ProjectingWriter.derived(topics.alerts(), AlertWriter::complete,
                alert -> List.of(new Owner(alert.repId(), alert.teamId())), this::write));
    }

    private void write(DSLContext db, List<Alert> alerts) {
        // alert id -> what its records leave in the row
        var folded = ProjectingWriter.foldedByKey(alerts, Alert::alertId, AlertWriter::thenApplied);
        MultiRowInsert.insert(db, ALERT, COLUMNS, folded, alert -> new Object[] {
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
        outbox.enqueue(db, alerts);
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

    /** Alerts are written only by the stream processor; one without what its row needs is skipped. */
    private static boolean complete(Alert alert) {
        return alert.alertId() != null && alert.kind() != null && alert.status() != null
                && alert.customerId() != null && alert.dueAt() != null && alert.openedAt() != null;
    }
}
