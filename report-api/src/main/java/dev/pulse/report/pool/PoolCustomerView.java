package dev.pulse.report.pool;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A customer released to the 公海 pool (DESIGN.md definition 5), as the pool list and its export
 * show it.
 *
 * @param releasedFromRepId the rep who owned it when nobody followed up; the next rep to follow up claims it
 * @param releasedAt        when the processor released it (the RELEASED alert opened)
 * @param daysSince         days since its last follow-up, to one decimal
 */
public record PoolCustomerView(
        String customerId,
        String customerName,
        String stage,
        String releasedFromRepId,
        String teamId,
        OffsetDateTime lastFollowUpAt,
        OffsetDateTime releasedAt,
        double daysSince,
        BigDecimal thresholdDays,
        UUID alertId) {
}
