package dev.pulse.report.pages;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Serves the dashboard pages at {@code /NAME.html} and the overview at {@code /} as well. Who may
 * see a page is decided before this, by the security chain ({@code /login.html} open, the rest to
 * signed-in users).
 */
@Hidden
@Controller
class DashboardPageController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final DashboardPages pages = DashboardPages.fromClasspath();

    @GetMapping("/")
    ResponseEntity<String> overview(HttpServletRequest request) throws NoResourceFoundException {
        return page("index", request);
    }

    /** An unknown name answers as a missing static file did: 404, through the same error handling. */
    @GetMapping("/{name}.html")
    ResponseEntity<String> page(@PathVariable String name, HttpServletRequest request) throws NoResourceFoundException {
        String html = pages.page(name).orElseThrow(
                () -> new NoResourceFoundException(HttpMethod.GET, request.getRequestURI(), name + ".html"));
        return ResponseEntity.ok().contentType(HTML).body(html);
    }
}
