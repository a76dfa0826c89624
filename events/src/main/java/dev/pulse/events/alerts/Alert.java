package dev.pulse.events.alerts;

import java.time.Instant;
import java.util.UUID;

/**
 * An alert about one customer: the value of the alerts topic, keyed by {@code alertId}. Published
 * once when it opens and once when it resolves, with the same alertId, so a receiver can drop
 * repeats of a delivery.
 *
 * @param openedAt       wall-clock time the threshold crossing was detected
 * @param dueAt          when the customer crossed: last follow-up + threshold, or nextFollowUpAt
 * @param thresholdDays  the stage's threshold in days (STALE), null for OVERDUE
 * @param resolvedAt     wall-clock time a follow-up or the customer's closing resolved it, else null
 * @param resolution     FOLLOWED_UP or CLOSED once resolved
 */
public record Alert(
        UUID alertId,
        AlertKind kind,
        AlertStatus status,
        String customerId,
        String customerName,
        String repId,
        String teamId,
        String stage,
        Instant lastFollowUpAt,
        Instant nextFollowUpAt,
        Double thresholdDays,
        Instant dueAt,
        Instant openedAt,
        Instant resolvedAt,
        String resolution) {

    public Alert resolved(Instant at, String why) {
        return new Alert(alertId, kind, AlertStatus.RESOLVED, customerId, customerName, repId, teamId, stage,
                lastFollowUpAt, nextFollowUpAt, thresholdDays, dueAt, openedAt, at, why);
    }
}
