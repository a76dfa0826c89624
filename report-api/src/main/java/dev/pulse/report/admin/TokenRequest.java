package dev.pulse.report.admin;

/** {@code POST /api/v1/admin/tokens}: a role and, for REP, the rep; for MANAGER, the team. */
public record TokenRequest(String role, String repId, String teamId, String name) {
}
