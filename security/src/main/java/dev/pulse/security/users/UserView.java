package dev.pulse.security.users;

import java.util.List;

/** A user as an admin lists it, without the password hash. */
public record UserView(String username, String role, String repId, List<String> teamIds, String displayName, boolean disabled) {
}
