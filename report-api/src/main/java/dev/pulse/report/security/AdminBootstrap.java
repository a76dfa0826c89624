package dev.pulse.report.security;

import dev.pulse.security.Role;
import dev.pulse.security.users.UserSpec;
import dev.pulse.security.users.Users;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The first admin: created with {@code pulse.security.admin-password} when no user of that name
 * exists yet. An existing admin keeps its password, so a restart never resets a changed one.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final Users users;
    private final String username;
    private final String password;

    AdminBootstrap(Users users, @Value("${pulse.security.admin-user:admin}") String username,
                   @Value("${pulse.security.admin-password:}") String password) {
        this.users = users;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (password.isBlank() || users.exists(username)) {
            return;
        }
        if (password.length() < 12) {
            throw new IllegalStateException("pulse.security.admin-password must have at least 12 characters");
        }
        users.save(new UserSpec(username, password, Role.ADMIN, null, Set.of(), "Administrator"));
        log.info("created the admin user '{}'", username);
    }
}
