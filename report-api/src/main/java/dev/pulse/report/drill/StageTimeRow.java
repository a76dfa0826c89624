package dev.pulse.report.drill;

import dev.pulse.report.journey.OwnedCustomer;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * A cohort customer counted in a stage's time in stage: when it first entered the stage, when it
 * first entered a later-ordered one afterwards, and the whole days between (DESIGN.md definition 2).
 */
public record StageTimeRow(String customerId, String customerName, String ownerRep, String ownerTeam, String stage,
                           OffsetDateTime enteredAt, OffsetDateTime leftAt, long days)
        implements OwnedCustomer {

    /** Whole days as the processor counts them: the duration truncated, never rounded up. */
    static StageTimeRow of(String customerId, String customerName, String ownerRep, String ownerTeam, String stage,
                           OffsetDateTime enteredAt, OffsetDateTime leftAt) {
        return new StageTimeRow(customerId, customerName, ownerRep, ownerTeam, stage, enteredAt, leftAt,
                Duration.between(enteredAt, leftAt).toDays());
    }
}
