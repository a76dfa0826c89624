package dev.pulse.security.audit;

import java.time.OffsetDateTime;

/** One line of the audit log; details is the JSON object of the filters or changes. */
public record AuditEntry(long auditId, OffsetDateTime at, String actor, String actorRole, String action, String target,
                         String details) {
}
