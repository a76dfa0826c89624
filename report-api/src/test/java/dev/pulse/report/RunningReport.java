package dev.pulse.report;

import dev.pulse.events.Json;
import dev.pulse.testsupport.RunningApplication;
import dev.pulse.testsupport.TestHttp;
import dev.pulse.testsupport.TestPostgres;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One report API started in this JVM on a random port and spoken to over real HTTP. Settings are
 * command-line arguments: properties given to the builder are only defaults, which
 * {@code report.yml} would override.
 */
final class RunningReport implements AutoCloseable {

    /** The admin token the tests configure, as the launcher and docker-compose configure PULSE_ADMIN_TOKEN. */
    static final String ADMIN_TOKEN = "it-report-admin-token-5e0c7a91";

    private final RunningApplication app;

    private RunningReport(RunningApplication app) {
        this.app = app;
    }

    /**
     * @param jdbcUrl          the database, migrated by the application's own Flyway on start
     * @param bootstrapServers the broker the projector reads
     * @param groupId          the projector's consumer group, the key of its offsets in PostgreSQL
     * @param settings         further {@code name=value} settings
     */
    static RunningReport start(String jdbcUrl, String bootstrapServers, String groupId, String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "server.port=0",
                "spring.datasource.url=" + jdbcUrl,
                "spring.datasource.username=" + TestPostgres.USER,
                "spring.datasource.password=" + TestPostgres.PASSWORD,
                "pulse.projector.bootstrap-servers=" + bootstrapServers,
                "pulse.projector.group-id=" + groupId,
                "pulse.security.admin-token=" + ADMIN_TOKEN));
        args.addAll(List.of(settings));
        return new RunningReport(RunningApplication.of(ReportApplication.builder()
                .run(args.stream().map(setting -> "--" + setting).toArray(String[]::new))));
    }

    URI uri(String path) {
        return app.uri(path);
    }

    HttpResponse<String> get(String path) {
        return get(path, true, null);
    }

    /**
     * A GET as the admin or with no authentication at all, with an {@code Accept-Language} header
     * (none when null).
     */
    HttpResponse<String> get(String path, boolean asAdmin, String acceptLanguage) {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.uri(path));
        if (asAdmin) {
            authorized(request);
        }
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return TestHttp.send(request.GET());
    }

    /** The JSON body of a GET that must answer 200. */
    JsonNode getJson(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return json(response);
    }

    /** The request as the admin sends it: every report answers an admin in full. */
    static HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + ADMIN_TOKEN);
    }

    static JsonNode json(HttpResponse<String> response) {
        return Json.MAPPER.readTree(response.body());
    }

    /** Expected JSON written in a test, read with the same mapper as the answers so numbers compare exactly. */
    static JsonNode json(String text) {
        return Json.MAPPER.readTree(text);
    }

    static String contentType(HttpResponse<String> response) {
        return TestHttp.contentType(response);
    }

    /** A bean of the running application, for what its HTTP answers do not show. */
    <T> T bean(String name, Class<T> type) {
        return app.context().getBean(name, type);
    }

    @Override
    public void close() {
        app.close();
    }
}
