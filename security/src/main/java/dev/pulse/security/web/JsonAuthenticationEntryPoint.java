package dev.pulse.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 for API callers as problem JSON, with the challenge a bearer client expects. */
public final class JsonAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        Problems.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Authentication required",
                "Send Authorization: Bearer <token>, or sign in.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Problems.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                "Your role may not " + request.getMethod() + " " + request.getRequestURI() + ".");
    }
}
