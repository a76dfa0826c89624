package dev.pulse.security.tokens;

import dev.pulse.security.Role;

/** What an admin asks for: a token of a role, scoped to a rep (REP) or a team (MANAGER). */
public record TokenSpec(String name, Role role, String repId, String teamId) {
}
