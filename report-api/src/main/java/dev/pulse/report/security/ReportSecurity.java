package dev.pulse.report.security;

import static dev.pulse.security.Role.ADMIN;
import static dev.pulse.security.Role.BI;
import static dev.pulse.security.Role.MANAGER;
import static dev.pulse.security.Role.METRICS;
import static dev.pulse.security.Role.REP;

import dev.pulse.events.messages.Message;
import dev.pulse.events.messages.MessageCode;
import dev.pulse.security.PulseSecurityBeans;
import dev.pulse.security.SecurityStores;
import dev.pulse.security.web.BearerTokenFilter;
import dev.pulse.security.web.JsonAuthenticationEntryPoint;
import dev.pulse.security.web.Problems;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what on report-api. Machines send bearer tokens (no session, no CSRF); people sign
 * in on {@code /login.html} (or with an OIDC provider, when one is configured) and get a session
 * cookie, so their state-changing calls carry the CSRF token the page reads from its cookie.
 * What a caller may see inside an allowed endpoint is its {@link dev.pulse.security.AccessScope},
 * which every repository puts into its WHERE clause.
 */
@Configuration(proxyBeanMethods = false)
@Import({PulseSecurityBeans.class, SecurityStores.class})
class ReportSecurity {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    SecurityFilterChain reportChain(HttpSecurity http, BearerTokenFilter bearerTokens,
                                    ObjectProvider<ClientRegistrationRepository> oidcProviders,
                                    PulseOidcUserService oidcUsers) throws Exception {
        JsonAuthenticationEntryPoint refusals = new JsonAuthenticationEntryPoint();
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        RequestMatcher bearerCall = request -> request.getHeader("Authorization") != null;
        // machines' endpoints answer 401 JSON; only pages send a person to the login page
        RequestMatcher machines = new OrRequestMatcher(api, PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"));
        HttpSessionRequestCache pagesOnly = new HttpSessionRequestCache();
        pagesOnly.setRequestMatcher(new NegatedRequestMatcher(machines));

        http.csrf(csrf -> csrf.spa().ignoringRequestMatchers(bearerCall))
                .addFilterBefore(bearerTokens, UsernamePasswordAuthenticationFilter.class)
                .requestCache(cache -> cache.requestCache(pagesOnly))
                .formLogin(form -> form.loginPage("/login.html").loginProcessingUrl("/login")
                        .successHandler((request, response, authentication) -> {
                            SavedRequest saved = pagesOnly.getRequest(request, response);
                            writeJson(response, HttpServletResponse.SC_OK,
                                    Map.of("redirect", saved == null ? "./" : saved.getRedirectUrl()));
                        })
                        .failureHandler((request, response, e) -> Problems.write(request, response,
                                HttpServletResponse.SC_UNAUTHORIZED, "Sign-in failed", Message.of(MessageCode.SIGN_IN_FAILED)))
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessHandler((request, response, authentication) ->
                                response.setStatus(HttpServletResponse.SC_NO_CONTENT)))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(refusals, machines)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login.html"),
                                AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler(refusals))
                .authorizeHttpRequests(requests -> requests
                        // the request was authorized on its way in; its async half (streamed exports, SSE) and
                        // error pages carry no new authentication to check
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/login.html", "/css/**", "/js/**", "/favicon.svg", "/webjars/**", "/error")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/auth/providers").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        // a scraper's METRICS token reads the metrics and nothing else
                        .requestMatchers("/actuator/prometheus").hasAnyRole(ADMIN.name(), METRICS.name())
                        .requestMatchers("/actuator/**").hasRole(ADMIN.name())
                        .requestMatchers("/api/v1/admin/**").hasRole(ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/me").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/v1/imports", "/api/v1/imports/**")
                        .hasAnyRole(ADMIN.name(), MANAGER.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/reports/duplicates/*/dismiss")
                        .hasAnyRole(ADMIN.name(), MANAGER.name())
                        // goals: the controller checks a manager's teams
                        .requestMatchers(HttpMethod.POST, "/api/v1/goals").hasAnyRole(ADMIN.name(), MANAGER.name())
                        .requestMatchers(HttpMethod.PUT, "/api/v1/goals/*").hasAnyRole(ADMIN.name(), MANAGER.name())
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/goals/*").hasAnyRole(ADMIN.name(), MANAGER.name())
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(REP.name(), MANAGER.name(), ADMIN.name(), BI.name())
                        .requestMatchers(HttpMethod.GET, "/", "/*.html").hasAnyRole(REP.name(), MANAGER.name(), ADMIN.name(), BI.name())
                        .anyRequest().denyAll());
        if (oidcProviders.getIfAvailable() != null) {
            http.oauth2Login(oidc -> oidc.loginPage("/login.html")
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUsers)));
        }
        return http.build();
    }

    private static void writeJson(HttpServletResponse response, int status, Object body) throws java.io.IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(body));
    }
}
