package dev.pulse.security.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * What the filter chains of the services that only bearer tokens reach (ingest, the stream
 * processor) share: no sessions, no cookies and so no CSRF to guard, no login form, no HTTP Basic
 * prompt and no saved request; the token is read before the anonymous filter, and a missing or
 * refused one is answered with a JSON problem. Each service adds its own authorization rules.
 */
public final class StatelessBearerChain {

    private StatelessBearerChain() {
    }

    public static HttpSecurity configure(HttpSecurity http, BearerTokenFilter bearerTokens) throws Exception {
        JsonAuthenticationEntryPoint refusals = new JsonAuthenticationEntryPoint();
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(bearerTokens, AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(refusals).accessDeniedHandler(refusals));
    }
}
