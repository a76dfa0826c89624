package dev.pulse.report.admin;

import java.util.List;

/** {@code PUT /api/v1/admin/users/{username}}: a null password keeps the current one. */
public record UserRequest(String password, String role, String repId, List<String> teamIds, String displayName) {
}
