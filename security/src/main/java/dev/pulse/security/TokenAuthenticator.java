package dev.pulse.security;

import dev.pulse.security.tokens.ApiTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the caller a bearer token stands for: first among the configured tokens, then in the
 * api_token table. A token found in the table is trusted for the cache time, so ingest keeps
 * accepting known clients through a short database outage.
 */
public final class TokenAuthenticator {

    private record Cached(PulseUser user, Instant until) {
    }

    private final Map<String, PulseUser> configured = new HashMap<>();
    private final ApiTokens stored;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** @param stored the token table, or null where no database is configured (configured tokens only) */
    public TokenAuthenticator(SecuritySettings settings, ApiTokens stored, Clock clock) {
        for (SecuritySettings.ConfiguredToken token : settings.allTokens()) {
            if (token.token() == null || token.token().length() < 16) {
                throw new IllegalArgumentException("configured token '" + token.name() + "' must have at least 16 characters");
            }
            Set<String> teams = token.teamId() == null ? Set.of() : Set.of(token.teamId());
            configured.put(TokenHash.of(token.token()), new PulseUser("token:" + token.name(), token.role(), token.repId(), teams));
        }
        this.stored = stored;
        this.ttl = settings.tokenCacheTtl();
        this.clock = clock;
    }

    /**
     * @throws org.springframework.dao.DataAccessException when the database cannot be asked
     */
    public Optional<PulseUser> authenticate(String token) {
        // A map lookup by hash, like the table's index: a timing difference could at most reveal the
        // hash of a 256-bit secret, from which nothing follows.
        String hash = TokenHash.of(token);
        PulseUser configuredUser = configured.get(hash);
        if (configuredUser != null) {
            return Optional.of(configuredUser);
        }
        if (stored == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Cached cached = cache.get(hash);
        if (cached != null && cached.until().isAfter(now)) {
            return Optional.of(cached.user());
        }
        Optional<PulseUser> user = stored.lookupByHash(hash);
        user.ifPresentOrElse(u -> cache.put(hash, new Cached(u, now.plus(ttl))), () -> cache.remove(hash));
        return user;
    }

    /** Forgets every cached token, so a revocation made here takes effect at once. */
    public void forgetCached() {
        cache.clear();
    }
}
