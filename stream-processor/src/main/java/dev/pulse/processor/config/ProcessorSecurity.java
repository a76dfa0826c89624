package dev.pulse.processor.config;

import dev.pulse.security.PulseSecurityBeans;
import dev.pulse.security.Role;
import dev.pulse.security.web.BearerTokenFilter;
import dev.pulse.security.web.StatelessBearerChain;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The processor serves only its actuator, guarded like ingest's and report-api's: the health status
 * for anyone (probes), metrics for a METRICS or ADMIN bearer token, the rest for ADMIN. It has no
 * database, so the tokens it accepts are the configured ones ({@code PULSE_ADMIN_TOKEN},
 * {@code PULSE_METRICS_TOKEN}, and under ./pulse run the launcher's).
 */
@Configuration(proxyBeanMethods = false)
@Import(PulseSecurityBeans.class)
class ProcessorSecurity {

    @Bean
    SecurityFilterChain processorChain(HttpSecurity http, BearerTokenFilter bearerTokens) throws Exception {
        return StatelessBearerChain.configure(http, bearerTokens)
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/error").permitAll()
                        .requestMatchers("/actuator/prometheus").hasAnyRole(Role.ADMIN.name(), Role.METRICS.name())
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .anyRequest().denyAll())
                .build();
    }
}
