package dev.pulse.report.security;

import dev.pulse.security.Role;
import dev.pulse.security.users.UserSpec;
import dev.pulse.security.users.Users;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first admin: created with {@code pulse.security.admin-password} when no user of that name
 * exists yet. An existing admin keeps its password, so a restart never resets a changed one.
 * Without a password and with {@code pulse.security.generate-admin-password} (docker-compose sets
 * it), the first start makes one up and logs it once, so nobody has to set a secret before the
 * first sign-in. Several instances starting at once take an advisory lock, so exactly one of them
 * creates the user and the password it logs is the one that works.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    /** The advisory lock of the first admin's creation (any number no other Pulse lock uses). */
    private static final long LOCK = 1_301_001L;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Users users;
    private final String username;
    private final String password;
    private final boolean generate;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;

    AdminBootstrap(Users users, @Value("${pulse.security.admin-user:admin}") String username,
                   @Value("${pulse.security.admin-password:}") String password,
                   @Value("${pulse.security.generate-admin-password:false}") boolean generate,
                   PlatformTransactionManager transactions, JdbcTemplate jdbc) {
        this.users = users;
        this.username = username;
        this.password = password;
        this.generate = generate;
        this.transactions = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (password.isBlank() && generate) {
            transactions.executeWithoutResult(status -> createWithGeneratedPassword());
            return;
        }
        if (password.isBlank() || users.exists(username)) {
            return;
        }
        if (password.length() < 12) {
            throw new IllegalStateException("pulse.security.admin-password must have at least 12 characters");
        }
        users.save(new UserSpec(username, password, Role.ADMIN, null, Set.of(), "Administrator"));
        log.info("created the admin user '{}'", username);
    }

    private void createWithGeneratedPassword() {
        // held to the end of the transaction: a second instance waits, then finds the user
        jdbc.queryForList("select pg_advisory_xact_lock(" + LOCK + ")");
        if (users.exists(username)) {
            return;
        }
        byte[] random = new byte[15];
        RANDOM.nextBytes(random);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random); // 20 characters, 120 bits
        users.save(new UserSpec(username, generated, Role.ADMIN, null, Set.of(), "Administrator"));
        log.warn("FIRST START: created the admin user '{}' with password {} (shown once: sign in at /login.html and"
                + " change it, or set PULSE_ADMIN_PASSWORD before the first start)", username, generated);
    }
}
