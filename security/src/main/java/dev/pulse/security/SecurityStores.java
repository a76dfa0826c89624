package dev.pulse.security;

import dev.pulse.security.audit.AuditLog;
import dev.pulse.security.tokens.ApiTokens;
import dev.pulse.security.users.Users;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** The stores behind sign-in, the admin API and the audit log, for the service that owns the database. */
@Configuration(proxyBeanMethods = false)
public class SecurityStores {

    @Bean
    ApiTokens apiTokens(DataSource dataSource) {
        return new ApiTokens(new JdbcTemplate(dataSource));
    }

    @Bean
    Users users(DataSource dataSource, PasswordEncoder passwords) {
        return new Users(new JdbcTemplate(dataSource), new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                passwords);
    }

    @Bean
    AuditLog auditLog(DataSource dataSource) {
        return new AuditLog(new JdbcTemplate(dataSource));
    }
}
