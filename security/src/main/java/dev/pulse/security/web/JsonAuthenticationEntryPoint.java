package dev.pulse.security.web;

import dev.pulse.events.messages.Message;
import dev.pulse.events.messages.MessageCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/** 401 and 403 for API callers as problem JSON, with the challenge a bearer client expects. */
public final class JsonAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        Problems.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Authentication required",
                Message.of(MessageCode.AUTHENTICATION_REQUIRED));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        // A browser session whose POST lacks the CSRF token is told so; a caller with neither session
        // nor token (a machine that forgot its token) is told to authenticate, not that its role may not.
        if (e instanceof CsrfException && request.getRequestedSessionId() != null) {
            Problems.write(request, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                    Message.of(MessageCode.CSRF_TOKEN));
            return;
        }
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || caller instanceof AnonymousAuthenticationToken) {
            commence(request, response, null);
            return;
        }
        Problems.write(request, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                Message.of(MessageCode.ROLE_FORBIDDEN, request.getMethod(), request.getRequestURI()));
    }
}
