package dev.pulse.security.tokens;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A stored token as an admin lists it: never its secret, not even its hash. */
public record TokenView(UUID tokenId, String name, String role, String repId, String teamId, String createdBy,
                        OffsetDateTime createdAt, OffsetDateTime revokedAt, String revokedBy) {
}
