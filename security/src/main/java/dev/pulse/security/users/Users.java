package dev.pulse.security.users;

import dev.pulse.security.PulseUser;
import dev.pulse.security.Role;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** The pulse_user and pulse_team tables: people who sign in, their role and scope. */
public final class Users {

    /** A stored user with what signing in needs. */
    public record StoredUser(String passwordHash, boolean disabled, PulseUser user) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final PasswordEncoder passwords;

    public Users(JdbcTemplate jdbc, TransactionTemplate transactions, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.passwords = passwords;
    }

    /** Creates the user, or changes its role, scope and (when given) password; one transaction. */
    public void save(UserSpec spec) {
        new PulseUser(spec.username(), spec.role(), spec.repId(), spec.teamIds()); // checks the scope fits the role
        String hash = spec.password() == null ? null : passwords.encode(spec.password());
        transactions.executeWithoutResult(status -> {
            jdbc.update("""
                    insert into pulse_user (username, password_hash, role, rep_id, display_name) values (?, ?, ?, ?, ?)
                    on conflict (username) do update set role = excluded.role, rep_id = excluded.rep_id,
                        display_name = coalesce(excluded.display_name, pulse_user.display_name),
                        password_hash = coalesce(excluded.password_hash, pulse_user.password_hash)""",
                    spec.username(), hash, spec.role().name(), spec.repId(), spec.displayName());
            jdbc.update("delete from pulse_user_team where username = ?", spec.username());
            for (String team : spec.teamIds()) {
                jdbc.update("insert into pulse_team (team_id) values (?) on conflict do nothing", team);
                jdbc.update("insert into pulse_user_team (username, team_id) values (?, ?)", spec.username(), team);
            }
        });
    }

    /** Whether a user of that name exists; for first-start bootstraps that must not overwrite. */
    public boolean exists(String username) {
        Integer count = jdbc.queryForObject("select count(*) from pulse_user where username = ?", Integer.class, username);
        return count != null && count > 0;
    }

    public Optional<StoredUser> find(String username) {
        return jdbc.query("select username, password_hash, role, rep_id, disabled from pulse_user where username = ?",
                (row, n) -> new StoredUser(row.getString("password_hash"), row.getBoolean("disabled"),
                        new PulseUser(row.getString("username"), Role.valueOf(row.getString("role")),
                                row.getString("rep_id"), teamsOf(row.getString("username")))),
                username).stream().findFirst();
    }

    public List<UserView> list() {
        return jdbc.query("""
                select u.username, u.role, u.rep_id, u.display_name, u.disabled,
                       coalesce(array_agg(t.team_id order by t.team_id) filter (where t.team_id is not null), '{}') as teams
                from pulse_user u left join pulse_user_team t on t.username = u.username
                group by u.username order by u.username""",
                (row, n) -> new UserView(row.getString("username"), row.getString("role"), row.getString("rep_id"),
                        List.of((String[]) row.getArray("teams").getArray()), row.getString("display_name"),
                        row.getBoolean("disabled")));
    }

    private Set<String> teamsOf(String username) {
        return new TreeSet<>(jdbc.queryForList("select team_id from pulse_user_team where username = ?", String.class, username));
    }
}
