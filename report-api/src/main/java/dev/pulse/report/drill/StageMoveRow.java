package dev.pulse.report.drill;

import dev.pulse.report.journey.OwnedCustomer;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One stage change of a cohort customer behind a transition count: the follow-up whose stage differs
 * from the one before it in the customer's history. A customer who made the same move twice is two rows,
 * as the count counts it twice.
 */
public record StageMoveRow(String customerId, String customerName, String ownerRep, String ownerTeam, String fromStage,
                           String toStage, UUID eventId, OffsetDateTime occurredAt)
        implements OwnedCustomer {
}
