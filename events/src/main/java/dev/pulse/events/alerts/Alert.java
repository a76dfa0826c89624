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
 * @param resolution     FOLLOWED_UP or CLOSED once resolved; RELEASED for the rep's and manager's steps
 *                       of a customer released to the pool; CLAIMED for a RELEASED alert a follow-up ended
 * @param claimedBy      the rep whose follow-up claimed a customer from the pool (a RESOLVED RELEASED
 *                       alert), else null; added with the escalation ladder, absent from older records
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
        String resolution,
        String claimedBy) {

    public static final String CLAIMED = "CLAIMED";

    /** An alert nobody claimed: every kind but a pool customer's RELEASED alert once claimed. */
    public Alert(UUID alertId, AlertKind kind, AlertStatus status, String customerId, String customerName, String repId,
                 String teamId, String stage, Instant lastFollowUpAt, Instant nextFollowUpAt, Double thresholdDays,
                 Instant dueAt, Instant openedAt, Instant resolvedAt, String resolution) {
        this(alertId, kind, status, customerId, customerName, repId, teamId, stage, lastFollowUpAt, nextFollowUpAt,
                thresholdDays, dueAt, openedAt, resolvedAt, resolution, null);
    }

    public Alert resolved(Instant at, String why) {
        return new Alert(alertId, kind, AlertStatus.RESOLVED, customerId, customerName, repId, teamId, stage,
                lastFollowUpAt, nextFollowUpAt, thresholdDays, dueAt, openedAt, at, why, null);
    }

    /** A pool customer's RELEASED alert, ended by the follow-up of {@code repId}, who now owns the customer. */
    public Alert claimed(Instant at, String repId) {
        return new Alert(alertId, kind, AlertStatus.RESOLVED, customerId, customerName, this.repId, teamId, stage,
                lastFollowUpAt, nextFollowUpAt, thresholdDays, dueAt, openedAt, at, CLAIMED, repId);
    }
}
