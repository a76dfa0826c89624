package dev.pulse.security.tokens;

import dev.pulse.security.PulseUser;
import dev.pulse.security.Role;
import dev.pulse.security.TokenHash;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** The api_token table: tokens are stored as their SHA-256, created and revoked by an admin. */
public final class ApiTokens {

    private final JdbcTemplate jdbc;

    public ApiTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public IssuedToken issue(TokenSpec spec, String createdBy) {
        String token = TokenHash.newToken();
        UUID tokenId = UUID.randomUUID();
        jdbc.update("""
                insert into api_token (token_id, token_hash, name, role, rep_id, team_id, created_by)
                values (?, ?, ?, ?, ?, ?, ?)""",
                tokenId, TokenHash.of(token), spec.name(), spec.role().name(), spec.repId(), spec.teamId(), createdBy);
        return new IssuedToken(tokenId, token);
    }

    /** Revokes a live token; false when there is none with that id or it is already revoked. */
    public boolean revoke(UUID tokenId, String revokedBy) {
        return jdbc.update("update api_token set revoked_at = current_timestamp, revoked_by = ?"
                + " where token_id = ? and revoked_at is null", revokedBy, tokenId) == 1;
    }

    /** The caller a live token stands for, found by the token's {@link TokenHash}. */
    public Optional<PulseUser> lookupByHash(String tokenHash) {
        return jdbc.query("select name, role, rep_id, team_id from api_token where token_hash = ? and revoked_at is null",
                (row, n) -> new PulseUser("token:" + row.getString("name"), Role.valueOf(row.getString("role")),
                        row.getString("rep_id"), row.getString("team_id") == null ? Set.of() : Set.of(row.getString("team_id"))),
                tokenHash).stream().findFirst();
    }

    public List<TokenView> list() {
        return jdbc.query("""
                select token_id, name, role, rep_id, team_id, created_by, created_at, revoked_at, revoked_by
                from api_token order by created_at desc""",
                (row, n) -> new TokenView(row.getObject("token_id", UUID.class), row.getString("name"),
                        row.getString("role"), row.getString("rep_id"), row.getString("team_id"),
                        row.getString("created_by"), row.getObject("created_at", OffsetDateTime.class),
                        row.getObject("revoked_at", OffsetDateTime.class), row.getString("revoked_by")));
    }
}
