package dev.pulse.security.users;

import dev.pulse.security.Role;
import java.util.Set;

/** A user as an admin creates or changes it; a null password keeps the stored one. */
public record UserSpec(String username, String password, Role role, String repId, Set<String> teamIds, String displayName) {

    public UserSpec {
        teamIds = teamIds == null ? Set.of() : Set.copyOf(teamIds);
    }
}
