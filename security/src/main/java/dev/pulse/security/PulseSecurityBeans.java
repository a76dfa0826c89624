package dev.pulse.security;

import dev.pulse.security.tokens.ApiTokens;
import dev.pulse.security.web.BearerTokenFilter;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The security parts both services share. Where the service has a database, tokens are looked up
 * in it; where it has none, only configured tokens are accepted.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
public class PulseSecurityBeans {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    TokenAuthenticator tokenAuthenticator(SecuritySettings settings, ObjectProvider<DataSource> dataSource) {
        DataSource database = dataSource.getIfAvailable();
        return new TokenAuthenticator(settings, database == null ? null : new ApiTokens(new JdbcTemplate(database)),
                Clock.systemUTC());
    }

    @Bean
    BearerTokenFilter bearerTokenFilter(TokenAuthenticator authenticator) {
        return new BearerTokenFilter(authenticator);
    }

    /** The filter runs inside the security chain only; Boot must not also register it for every request. */
    @Bean
    FilterRegistrationBean<BearerTokenFilter> bearerTokenFilterOutsideTheChain(BearerTokenFilter filter) {
        FilterRegistrationBean<BearerTokenFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
