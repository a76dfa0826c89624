package dev.pulse.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.testsupport.TestPostgres;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * People sign in on report-api as the login page does it, over plain HTTP with a cookie jar: the
 * first admin from {@code pulse.security.admin-password}, a session cookie, the CSRF token from
 * its cookie echoed in a header on every POST, sign-out. And an OIDC provider, configured with
 * Spring Boot's standard settings, is offered on the login page and sends the browser to it.
 */
class SignInIT {

    private static final String PASSWORD = "first-admin-password-42";

    private static TestKafka kafka;
    private static TestPostgres postgres;
    private static RunningReport report;

    @BeforeAll
    static void start() {
        kafka = TestKafka.start();
        postgres = TestPostgres.start("sign-in-it");
        String jdbcUrl = postgres.createDatabase("signin");
        report = RunningReport.start(jdbcUrl, kafka.bootstrapServers(), "sign-in-it",
                concat(TestKafka.topicSettings(kafka.topics("-sign-in-it")),
                        "pulse.security.admin-password=" + PASSWORD,
                        "spring.security.oauth2.client.registration.corp.client-id=pulse-dashboards",
                        "spring.security.oauth2.client.registration.corp.client-secret=s3cret",
                        "spring.security.oauth2.client.registration.corp.client-name=Corp SSO",
                        "spring.security.oauth2.client.registration.corp.scope=openid,profile",
                        "spring.security.oauth2.client.registration.corp.authorization-grant-type=authorization_code",
                        "spring.security.oauth2.client.registration.corp.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
                        "spring.security.oauth2.client.provider.corp.authorization-uri=https://sso.example.com/authorize",
                        "spring.security.oauth2.client.provider.corp.token-uri=https://sso.example.com/token",
                        "spring.security.oauth2.client.provider.corp.jwk-set-uri=https://sso.example.com/jwks",
                        "spring.security.oauth2.client.provider.corp.user-name-attribute=sub"));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable resource : new AutoCloseable[] {report, postgres, kafka}) {
            try {
                if (resource != null) {
                    resource.close();
                }
            } catch (Exception e) {
                // the next resource still closes
            }
        }
    }

    @Test
    void shouldSignInWithASessionAndRequireTheCsrfTokenOnPosts() throws Exception {
        Browser browser = new Browser();
        assertThat(browser.get("/index.html").statusCode()).as("no session yet: to the login page").isEqualTo(302);
        assertThat(browser.get("/login.html").statusCode()).isEqualTo(200);
        assertThat(browser.get("/api/v1/auth/providers").statusCode()).isEqualTo(200);
        String csrf = browser.cookie("XSRF-TOKEN");
        assertThat(csrf).as("the CSRF cookie the page echoes").isNotBlank();

        assertThat(browser.postForm("/login", "username=admin&password=wrong", csrf).statusCode()).isEqualTo(401);
        assertThat(browser.postForm("/login", "username=admin&password=" + PASSWORD, null).statusCode())
                .as("a sign-in without the CSRF header").isEqualTo(403);
        HttpResponse<String> signedIn = browser.postForm("/login", "username=admin&password=" + PASSWORD, csrf);
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(RunningReport.json(signedIn).get("redirect").asString()).contains("index.html");

        HttpResponse<String> me = browser.get("/api/v1/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(RunningReport.json(me).get("role").asString()).isEqualTo("ADMIN");
        assertThat(browser.get("/index.html").statusCode()).isEqualTo(200);

        // the session rotates the token at sign-in: posts must carry the current one
        String current = browser.cookie("XSRF-TOKEN");
        String dismiss = "/api/v1/reports/duplicates/00000000-0000-0000-0000-000000000000/dismiss";
        assertThat(browser.postJson(dismiss, "{\"reason\":\"x\"}", null).statusCode()).as("no CSRF header").isEqualTo(403);
        assertThat(browser.postJson(dismiss, "{\"reason\":\"x\"}", current).statusCode()).as("allowed, no such flag").isEqualTo(404);

        assertThat(browser.postForm("/logout", "", current).statusCode()).isEqualTo(204);
        assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
    }

    @Test
    void shouldNotResetTheFirstAdminsPasswordOnARestartWithAnother() {
        // AdminBootstrap creates the admin only while none exists; the password above still signs in
        long admins = TestPostgres.queryLong(postgres.jdbcUrl("signin"), "select count(*) from pulse_user where role = 'ADMIN'");
        assertThat(admins).isEqualTo(1);
        String hash = TestPostgres.queryRows(postgres.jdbcUrl("signin"), "select password_hash from pulse_user").getFirst();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(PASSWORD);
    }

    @Test
    void shouldOfferTheConfiguredOidcProviderAndSendTheBrowserToIt() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> providers = browser.get("/api/v1/auth/providers");
        assertThat(RunningReport.json(providers).get("rows").toString())
                .isEqualTo("[{\"id\":\"corp\",\"name\":\"Corp SSO\",\"url\":\"/oauth2/authorization/corp\"}]");

        HttpResponse<String> redirect = browser.get("/oauth2/authorization/corp");
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("https://sso.example.com/authorize?")
                .contains("client_id=pulse-dashboards")
                .contains("response_type=code")
                .contains("scope=openid%20profile")
                .contains("redirect_uri=" + report.uri("/login/oauth2/code/corp"))
                .contains("code_challenge_method=S256");
    }

    /** A cookie jar and no redirects followed: what a browser keeps, as plain HTTP. */
    private static final class Browser {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(report.uri(path)).GET().build(), BodyHandlers.ofString());
        }

        HttpResponse<String> postForm(String path, String form, String csrf) throws IOException, InterruptedException {
            return post(path, "application/x-www-form-urlencoded", form, csrf);
        }

        HttpResponse<String> postJson(String path, String json, String csrf) throws IOException, InterruptedException {
            return post(path, "application/json", json, csrf);
        }

        private HttpResponse<String> post(String path, String type, String body, String csrf)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(report.uri(path)).header("Content-Type", type)
                    .header("Accept", "application/json").POST(BodyPublishers.ofString(body));
            if (csrf != null) {
                request.header("X-XSRF-TOKEN", csrf);
            }
            return http.send(request.build(), BodyHandlers.ofString());
        }

        String cookie(String name) {
            return cookies.getCookieStore().get(URI.create(report.uri("/").toString())).stream()
                    .filter(cookie -> cookie.getName().equals(name)).map(HttpCookie::getValue)
                    .map(value -> URLDecoder.decode(value, StandardCharsets.UTF_8)).findFirst().orElse(null);
        }
    }

    private static String[] concat(String[] first, String... rest) {
        String[] all = java.util.Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }
}
