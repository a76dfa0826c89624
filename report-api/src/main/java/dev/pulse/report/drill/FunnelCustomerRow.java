package dev.pulse.report.drill;

import dev.pulse.report.journey.OwnedCustomer;
import java.time.OffsetDateTime;

/** A customer of a cohort behind a funnel figure: its owner, source and where it stands now. */
public record FunnelCustomerRow(String customerId, String customerName, String ownerRep, String ownerTeam, String source,
                                String stage, OffsetDateTime firstFollowUpAt, OffsetDateTime lastFollowUpAt)
        implements OwnedCustomer {
}
