package dev.pulse.report.alerts;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One alert and its lifecycle (DESIGN.md "Interfaces"). */
public record AlertView(
        UUID alertId,
        String customerId,
        String customerName,
        String repId,
        String teamId,
        String stage,
        String kind,
        String status,
        OffsetDateTime openedAt,
        OffsetDateTime resolvedAt,
        String resolution,
        String claimedBy) {
}
