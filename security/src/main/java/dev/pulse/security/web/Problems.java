package dev.pulse.security.web;

import dev.pulse.events.messages.Language;
import dev.pulse.events.messages.Message;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pulse's errors as {@code application/problem+json}: the detail in the language the request's
 * {@code Accept-Language} asks for, with the message's stable code beside it in {@code code}.
 */
public final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    /** The language a request asks its errors in. */
    public static Language language(HttpServletRequest request) {
        return Language.fromAcceptLanguage(request == null ? null : request.getHeader("Accept-Language"));
    }

    /** A problem for a controller advice to answer. */
    public static ProblemDetail problem(HttpStatusCode status, String title, Message detail, Language language) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail.render(language));
        problem.setTitle(title);
        problem.setProperty("code", detail.code().code());
        return problem;
    }

    /** Writes a problem outside Spring MVC, where security refuses a request before any controller. */
    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
                             Message detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail.render(language(request)));
        body.put("code", detail.code().code());
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Language", language(request) == Language.ZH ? "zh" : "en");
        response.getWriter().write(JSON.writeValueAsString(body));
    }
}
