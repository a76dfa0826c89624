package dev.pulse.report.lost;

import dev.pulse.report.journey.OwnedCustomer;
import java.time.OffsetDateTime;

/** A lost customer behind a figure of the lost-reasons report. */
public record LostCustomerView(String customerId, String customerName, String ownerRep, String ownerTeam,
                               String source, String lostFrom, String lostReason, OffsetDateTime firstFollowUpAt,
                               OffsetDateTime lostAt)
        implements OwnedCustomer {
}
