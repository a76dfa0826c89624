package dev.pulse.ingest.security;

import com.zaxxer.hikari.HikariDataSource;
import dev.pulse.security.PulseSecurityBeans;
import dev.pulse.security.Role;
import dev.pulse.security.web.BearerTokenFilter;
import dev.pulse.security.web.StatelessBearerChain;
import jakarta.servlet.DispatcherType;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Ingest accepts events from INGEST and ADMIN tokens only. It has no sessions, no cookies and so no
 * CSRF to guard. Tokens issued by an admin are read from report-api's database when
 * {@code pulse.security.token-database.url} is set; without it only configured tokens work.
 */
@Configuration(proxyBeanMethods = false)
@Import(PulseSecurityBeans.class)
public class IngestSecurity {

    @Bean
    SecurityFilterChain ingestChain(HttpSecurity http, BearerTokenFilter bearerTokens) throws Exception {
        return StatelessBearerChain.configure(http, bearerTokens)
                .authorizeHttpRequests(requests -> requests
                        // the request was authorized on its way in; its async half (streamed exports, SSE) and
                        // error pages carry no new authentication to check
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        // a scraper's METRICS token reads the metrics and nothing else
                        .requestMatchers("/actuator/prometheus").hasAnyRole(Role.ADMIN.name(), Role.METRICS.name())
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        // any method, so that a GET on a POST endpoint is answered 405 by MVC, not a misleading 403
                        .requestMatchers("/api/v1/**").hasAnyRole(Role.INGEST.name(), Role.ADMIN.name())
                        .anyRequest().denyAll())
                .build();
    }

    /** A small pool that only reads api_token; report-api owns and migrates that database. */
    @Bean(destroyMethod = "close")
    @Conditional(TokenDatabaseConfigured.class)
    DataSource tokenDatabase(Environment environment) {
        TokenDatabaseSettings settings = Binder.get(environment)
                .bind("pulse.security.token-database", TokenDatabaseSettings.class).get();
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("token-database");
        pool.setJdbcUrl(settings.url());
        pool.setUsername(settings.username());
        pool.setPassword(settings.password());
        pool.setMaximumPoolSize(2);
        pool.setReadOnly(true);
        pool.setConnectionTimeout(2_000);
        // start without the database; a lookup made while it is down answers 503
        pool.setInitializationFailTimeout(-1);
        return pool;
    }

    record TokenDatabaseSettings(String url, String username, String password) {
    }

    /** Set and not blank: docker-compose passes an empty PULSE_DB_URL where there is no database. */
    static class TokenDatabaseConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("pulse.security.token-database.url");
            return url != null && !url.isBlank();
        }
    }
}
