package dev.pulse.security;

import java.util.Set;

/**
 * An authenticated caller: a person signed in to the dashboards or a machine with an API token.
 * A REP carries the rep id they are, a MANAGER the teams they lead; the other roles neither.
 *
 * @param name    the user name, or {@code token:<name>} for an API token: what the audit log shows
 */
public record PulseUser(String name, Role role, String repId, Set<String> teamIds) implements java.io.Serializable {

    public PulseUser {
        teamIds = teamIds == null ? Set.of() : Set.copyOf(teamIds);
        if (role == Role.REP && (repId == null || repId.isBlank())) {
            throw new IllegalArgumentException("a REP needs the rep id they are");
        }
        if (role == Role.MANAGER && teamIds.isEmpty()) {
            throw new IllegalArgumentException("a MANAGER needs at least one team");
        }
    }

    public AccessScope scope() {
        return switch (role) {
            case ADMIN, BI -> AccessScope.everything();
            case MANAGER -> AccessScope.teams(teamIds);
            case REP -> AccessScope.rep(repId);
            case INGEST, METRICS -> AccessScope.nothing();
        };
    }
}
