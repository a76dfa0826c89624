package dev.pulse.report.cycle;

import dev.pulse.report.journey.OwnedCustomer;
import java.time.OffsetDateTime;

/** A closed customer behind a cycle-length figure, with its days from first follow-up to closing. */
public record CycleCustomerView(String customerId, String customerName, String ownerRep, String ownerTeam, String source,
                                String outcome, OffsetDateTime firstFollowUpAt, OffsetDateTime closedAt, int days)
        implements OwnedCustomer {
}
