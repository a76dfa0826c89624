package dev.pulse.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The services' own configuration files (ingest.yml, processor.yml, report.yml, on this module's
 * classpath through the service jars) as the deployment tests read them: which environment
 * variables each service reads, and with what default.
 */
final class ServiceConfigs {

    /** A Pulse service: its deployment name, its Spring config file and its port placeholder. */
    record App(String service, String config, String portVariable) {
    }

    static final List<App> APPS = List.of(
            new App("ingest-service", "ingest.yml", "INGEST_PORT"),
            new App("stream-processor", "processor.yml", "PROCESSOR_PORT"),
            new App("report-api", "report.yml", "REPORT_PORT"));

    /** Spring's {@code ${NAME}} or {@code ${NAME:default}}. */
    private static final Pattern SPRING_PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::([^}]*))?}");

    private ServiceConfigs() {
    }

    static App app(String service) {
        return APPS.stream().filter(app -> app.service().equals(service)).findFirst()
                .orElseGet(() -> fail("%s is none of Pulse's services %s", service, APPS));
    }

    /** The port the service listens on when its port variable is not set. */
    static String portOf(App app) {
        String port = springPlaceholders(app.config()).get(app.portVariable());
        assertThat(port).as("default of ${%s} in %s", app.portVariable(), app.config()).matches("\\d+");
        return port;
    }

    /** Every {@code ${NAME:default}} in a service's config file, name to default (null when there is none). */
    static Map<String, String> springPlaceholders(String resource) {
        Map<String, String> placeholders = new LinkedHashMap<>();
        Matcher matcher = SPRING_PLACEHOLDER.matcher(text(resource));
        while (matcher.find()) {
            placeholders.putIfAbsent(matcher.group(1), matcher.group(2));
        }
        return placeholders;
    }

    /** A config file from the classpath, as text. */
    static String text(String resource) {
        URL url = ServiceConfigs.class.getClassLoader().getResource(resource);
        assertThat(url).as("%s on the test classpath (it comes with the service jar)", resource).isNotNull();
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + url, e);
        }
    }

    /** A file or directory of the repository, found from the module the test runs in. */
    static Path findUpwards(String name) {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(name);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return fail("%s not found in %s or any directory above it; it belongs at the repository root", name, start);
    }
}
