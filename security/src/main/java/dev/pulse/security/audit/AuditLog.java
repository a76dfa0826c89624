package dev.pulse.security.audit;

import dev.pulse.security.PulseUser;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Who exported what, who issued or revoked which token, who changed which user: readable by ADMIN. */
public final class AuditLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    public AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(PulseUser actor, String action, String target, Map<String, ?> details) {
        jdbc.update("insert into audit_log (actor, actor_role, action, target, details) values (?, ?, ?, ?, ?)",
                actor.name(), actor.role().name(), action, target, JSON.writeValueAsString(details));
    }

    /** The newest entries first; {@code beforeId} pages back (null for the newest). */
    public List<AuditEntry> recent(int limit, Long beforeId) {
        return jdbc.query("""
                select audit_id, at, actor, actor_role, action, target, details from audit_log
                where cast(? as bigint) is null or audit_id < cast(? as bigint) order by audit_id desc limit ?""",
                (row, n) -> new AuditEntry(row.getLong("audit_id"), row.getObject("at", OffsetDateTime.class),
                        row.getString("actor"), row.getString("actor_role"), row.getString("action"),
                        row.getString("target"), row.getString("details")),
                beforeId, beforeId, limit);
    }
}
