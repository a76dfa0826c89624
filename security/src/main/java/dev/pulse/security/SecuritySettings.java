package dev.pulse.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pulse.security.*}: tokens given by configuration (the launcher's admin and demo tokens,
 * {@code PULSE_ADMIN_TOKEN} in docker-compose), which are hashed in memory and never stored, and
 * how long a token read from the database is trusted before it is read again (so a revocation
 * reaches ingest within that time; report-api forgets a token the moment it revokes it).
 */
@ConfigurationProperties("pulse.security")
public record SecuritySettings(List<ConfiguredToken> tokens, String adminToken, Duration tokenCacheTtl) {

    public SecuritySettings {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
        tokenCacheTtl = tokenCacheTtl == null ? Duration.ofSeconds(10) : tokenCacheTtl;
    }

    /** Every configured token, the {@code admin-token} shortcut included. */
    public List<ConfiguredToken> allTokens() {
        if (adminToken == null || adminToken.isBlank()) {
            return tokens;
        }
        return java.util.stream.Stream.concat(tokens.stream(),
                java.util.stream.Stream.of(new ConfiguredToken("admin", Role.ADMIN, null, null, adminToken.strip()))).toList();
    }

    public record ConfiguredToken(String name, Role role, String repId, String teamId, String token) {
    }
}
