package dev.pulse.report.forecast;

import dev.pulse.report.journey.OwnedCustomer;
import java.time.OffsetDateTime;

/**
 * A customer behind a stage-probability row: it first reached the stage (or a later one) in the
 * learning window, at {@code reachedAt}; {@code stage} is where it stood at the window's end (won or not).
 */
public record StageReachedView(String customerId, String customerName, String ownerRep, String ownerTeam, String stage,
                               OffsetDateTime reachedAt)
        implements OwnedCustomer {
}
