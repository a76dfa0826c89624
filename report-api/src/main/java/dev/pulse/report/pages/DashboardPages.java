package dev.pulse.report.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The dashboard pages, assembled once at start: the dashboards module keeps one {@code <head>}
 * ({@code dashboards/layout.html}) and, per page, only the page's own {@code <body>}
 * ({@code dashboards/pages/NAME.html}). The body names what its head needs in attributes that are
 * read here and left out of the page: {@code data-page-title} (the i18n key of the title),
 * {@code data-page-script} (the page's module in {@code js/}) and {@code data-page-charts} (the page
 * draws ECharts, so the classic webjar script comes first: it runs before the deferred module, and
 * the global {@code echarts} is ready when the module starts).
 */
final class DashboardPages {

    static final String LAYOUT = "classpath:dashboards/layout.html";
    static final String PAGES = "classpath:dashboards/pages/*.html";
    private static final Pattern BODY_TAG = Pattern.compile("<body[^>]*>");
    private static final Pattern SETTING = Pattern.compile("\\s+data-page-(title|script|charts)(?:=\"([^\"]*)\")?");
    private static final Pattern SCRIPT = Pattern.compile("[a-z][a-z-]*\\.js");
    private static final String ECHARTS = "<script src=\"/webjars/echarts/echarts.min.js\"></script>";

    private final Map<String, String> pages;

    private DashboardPages(Map<String, String> pages) {
        this.pages = Map.copyOf(pages);
    }

    /** Every page of the dashboards module on the class path, by name (the file name without .html). */
    static DashboardPages fromClasspath() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        try {
            String layout = resolver.getResource(LAYOUT).getContentAsString(StandardCharsets.UTF_8);
            Map<String, String> pages = new TreeMap<>();
            for (Resource page : resolver.getResources(PAGES)) {
                String file = page.getFilename();
                pages.put(file.substring(0, file.length() - ".html".length()), assemble(layout, file, page.getContentAsString(StandardCharsets.UTF_8)));
            }
            if (pages.isEmpty()) {
                throw new IllegalStateException("no dashboard pages at " + PAGES + ": is the dashboards jar on the class path?");
            }
            return new DashboardPages(pages);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dashboard pages", e);
        }
    }

    Optional<String> page(String name) {
        return Optional.ofNullable(pages.get(name));
    }

    Iterable<String> names() {
        return pages.keySet();
    }

    /** One page: the layout's slots filled from the body's data-page-* attributes, which the page does not keep. */
    static String assemble(String layout, String file, String body) {
        Matcher bodyTag = BODY_TAG.matcher(body);
        if (!bodyTag.find()) {
            throw new IllegalStateException(file + " has no <body> tag");
        }
        Map<String, String> settings = new TreeMap<>();
        Matcher setting = SETTING.matcher(bodyTag.group());
        while (setting.find()) {
            settings.put(setting.group(1), setting.group(2) == null ? "" : setting.group(2));
        }
        String script = settings.get("script");
        if (script == null || !SCRIPT.matcher(script).matches()) {
            throw new IllegalStateException(file + ": data-page-script must name a module in js/, such as funnel.js");
        }
        String title = settings.containsKey("title")
                ? "<title data-i18n=\"" + settings.get("title") + "\">Pulse</title>" : "<title>Pulse</title>";
        return layout.replace("{{title}}", title)
                .replace("{{charts}}", settings.containsKey("charts") ? ECHARTS : "")
                .replace("{{script}}", script)
                .replace("{{bodyTag}}", SETTING.matcher(bodyTag.group()).replaceAll(""))
                .replace("{{body}}", body.substring(bodyTag.end()).replaceFirst("^\\R+", "").stripTrailing());
    }
}
