package dev.pulse.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pulse.security.*}: tokens given by configuration (the launcher's admin and demo tokens,
 * {@code PULSE_ADMIN_TOKEN} in docker-compose; {@code PULSE_METRICS_TOKEN}, the scraper's METRICS token,
 * the one way to a METRICS token for the stream processor, which has no database), which are hashed in
 * memory and never stored, and
 * how long a token read from the database is trusted before it is read again (so a revocation
 * reaches ingest within that time; report-api forgets a token the moment it revokes it).
 */
@ConfigurationProperties("pulse.security")
public record SecuritySettings(List<ConfiguredToken> tokens, String adminToken, Duration tokenCacheTtl,
                               String metricsToken) {

    public SecuritySettings {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
        tokenCacheTtl = tokenCacheTtl == null ? Duration.ofSeconds(10) : tokenCacheTtl;
    }

    /** Every configured token, the {@code admin-token} and {@code metrics-token} shortcuts included. */
    public List<ConfiguredToken> allTokens() {
        java.util.stream.Stream<ConfiguredToken> shortcuts = java.util.stream.Stream.of(
                        adminToken == null || adminToken.isBlank() ? null
                                : new ConfiguredToken("admin", Role.ADMIN, null, null, adminToken.strip()),
                        metricsToken == null || metricsToken.isBlank() ? null
                                : new ConfiguredToken("metrics", Role.METRICS, null, null, metricsToken.strip()))
                .filter(java.util.Objects::nonNull);
        return java.util.stream.Stream.concat(tokens.stream(), shortcuts).toList();
    }

    public record ConfiguredToken(String name, Role role, String repId, String teamId, String token) {
    }
}
