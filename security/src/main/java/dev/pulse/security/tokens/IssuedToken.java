package dev.pulse.security.tokens;

import java.util.UUID;

/** A new token: the only moment its secret exists outside the caller's hands. */
public record IssuedToken(UUID tokenId, String token) {
}
