package dev.pulse.security.web;

import dev.pulse.events.messages.Message;
import dev.pulse.events.messages.MessageCode;
import dev.pulse.security.PulseUser;
import dev.pulse.security.TokenAuthenticator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>}: a known token authenticates this one request (nothing
 * goes into a session); an unknown or revoked one is refused with 401 at once, rather than
 * falling through as anonymous; a database that cannot be asked answers 503, not 401, so that a
 * client retries instead of discarding its token.
 */
public final class BearerTokenFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);
    private static final String SCHEME = "Bearer ";

    private final TokenAuthenticator authenticator;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    public BearerTokenFilter(TokenAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(SCHEME.length()).strip();
        Optional<PulseUser> user;
        try {
            user = token.isEmpty() || token.length() > 200 ? Optional.empty() : authenticator.authenticate(token);
        } catch (DataAccessException e) {
            log.warn("cannot check a bearer token: {}", e.getMessage());
            Problems.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Token check unavailable",
                    Message.of(MessageCode.TOKEN_CHECK_UNAVAILABLE));
            return;
        }
        if (user.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            Problems.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Invalid token",
                    Message.of(MessageCode.INVALID_TOKEN));
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new PulseAuthentication(user.get()));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }
}
