package dev.pulse.report.duplicates;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One duplicate flag as the API shows it (DESIGN.md "Interfaces", plus its review status). */
public record DuplicateFlagView(
        UUID flagId,
        String type,
        String key,
        List<String> customerIds,
        List<String> repIds,
        List<String> eventIds,
        OffsetDateTime firstSeenAt,
        OffsetDateTime updatedAt,
        String status,
        String dismissedBy,
        String dismissedReason,
        OffsetDateTime dismissedAt) {
}
