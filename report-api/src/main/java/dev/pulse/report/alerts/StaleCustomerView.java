package dev.pulse.report.alerts;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A customer with an open alert, as the stale-customers report shows it (DESIGN.md "Interfaces"). */
public record StaleCustomerView(
        String customerId,
        String customerName,
        String repId,
        String teamId,
        String stage,
        String kind,
        OffsetDateTime lastFollowUpAt,
        OffsetDateTime nextFollowUpAt,
        double daysSince,
        BigDecimal thresholdDays,
        OffsetDateTime dueAt,
        UUID alertId,
        OffsetDateTime openedAt) {

    /** Days of silence to one decimal, as every list of customers to call shows them. */
    public static double daysSince(Instant since, Instant now) {
        return Math.round(Duration.between(since, now).toMinutes() / 144.0) / 10.0;
    }
}
