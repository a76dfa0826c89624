package dev.pulse.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Who a caller is to Pulse. REP sees their own customers and figures, MANAGER their teams, ADMIN
 * everything and administers, BI reads reports and exports, INGEST only posts events, METRICS only
 * reads {@code /actuator/prometheus} (a scraper's token, which can read no figure).
 */
public enum Role {
    REP, MANAGER, ADMIN, BI, INGEST, METRICS;

    /** The Spring Security authority that {@code hasRole(name())} checks. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(role -> role.name().equals(wanted)).findFirst();
    }
}
