package dev.pulse.launcher.e2e;

import static dev.pulse.launcher.e2e.FollowUps.followUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.launcher.stack.PulseStack;
import dev.pulse.launcher.stack.StackCredentials;
import dev.pulse.launcher.stack.StackSettings;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two report-api instances on one database and one projector group, as behind a load balancer: they
 * split the projector's partitions, yet the live stream of each hears every change (PostgreSQL
 * LISTEN/NOTIFY), and a person signed in on one is signed in on the other (sessions in PostgreSQL).
 */
class MultiInstanceIT {

    private static final String PASSWORD = "multi-instance-pw-1";

    private static StackSettings settings;
    private static PulseStack first;
    private static PulseStack second;

    @BeforeAll
    static void startTwoReportApis() {
        StackSettings plain = EmbeddedStack.settingsFor("multi");
        settings = new StackSettings(plain.kafkaBootstrap(), plain.database(), plain.stateDir(), 0, 0, 0, plain.zone(),
                plain.processorApplicationId(), plain.projectorGroup(), plain.topics(), plain.staleCheckInterval(),
                plain.webhooks(), new StackCredentials(plain.credentials().adminToken(), PASSWORD,
                plain.credentials().ingestToken(), null), plain.kafkaClient());
        first = new PulseStack(settings).startAll();
        second = new PulseStack(settings);
        second.startReport();
    }

    @AfterAll
    static void stop() {
        Stream.of(second, first).filter(java.util.Objects::nonNull).forEach(PulseStack::close);
    }

    @Test
    void shouldTellTheLiveStreamOfEachInstanceOfEveryChange() throws Exception {
        awaitTwoProjectors();
        Set<String> heard = ConcurrentHashMap.newKeySet();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest live = HttpRequest.newBuilder(URI.create("http://localhost:" + second.reportPort() + "/api/v1/live"))
                .header("Authorization", "Bearer " + settings.credentials().adminToken()).build();
        var stream = http.sendAsync(live, HttpResponse.BodyHandlers.ofLines());
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                Pattern repIds = Pattern.compile("\"repIds\":\\[([^]]*)]");
                stream.get().body().forEach(line -> {
                    Matcher matcher = repIds.matcher(line);
                    if (matcher.find()) {
                        for (String rep : matcher.group(1).replace("\"", "").split(",")) {
                            heard.add(rep);
                        }
                    }
                });
            } catch (Exception e) {
                // the stream ends when the test does
            }
        });

        // twelve customers spread over the three partitions, so both instances project some of them
        List<String> reps = IntStream.range(0, 12).mapToObj(i -> "rep-m" + i).toList();
        // retried on 503: a busy machine may keep ingest's Kafka waiting past its 3 s
        RetryingPoster poster = new RetryingPoster(first.ingestPort(), settings.credentials().adminToken());
        for (int i = 0; i < reps.size(); i++) {
            poster.postUntilAccepted("/api/v1/followups", followUp(UUID.randomUUID(), "multi-" + i, reps.get(i), "team-m",
                    "2026-11-03T02:00:00Z", "PHONE").replace("\n", " "));
        }

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(heard).containsAll(reps));
        reader.interrupt();
    }

    @Test
    void shouldKeepAPersonSignedInWhicheverInstanceAnswers() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        String one = "http://localhost:" + first.reportPort();
        String other = "http://localhost:" + second.reportPort();

        assertThat(browser.send(get(one + "/login.html"), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        HttpResponse<String> signIn = browser.send(post(one + "/login", "username=admin&password=" + PASSWORD,
                cookie(cookies, "XSRF-TOKEN")), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(200);

        HttpResponse<String> me = browser.send(get(other + "/api/v1/me"), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).as("the session, asked of the other instance").isEqualTo(200);
        assertThat(me.body()).contains("\"ADMIN\"");

        assertThat(browser.send(post(other + "/logout", "", cookie(cookies, "XSRF-TOKEN")),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(204);
        assertThat(browser.send(get(one + "/api/v1/me"), HttpResponse.BodyHandlers.discarding()).statusCode())
                .as("signed out on the other instance: out on this one too").isEqualTo(401);
    }

    private static void awaitTwoProjectors() {
        try (Admin admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap()))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> admin.describeConsumerGroups(List.of(settings.projectorGroup()))
                    .all().get(10, TimeUnit.SECONDS).get(settings.projectorGroup()).members().stream()
                    .filter(member -> !member.assignment().topicPartitions().isEmpty()).count() == 2);
        }
    }

    private static HttpRequest get(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Accept", "application/json").build();
    }

    private static HttpRequest post(String uri, String form, String csrf) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json").header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private static String cookie(CookieManager cookies, String name) throws IOException {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue).map(value -> URLDecoder.decode(value, StandardCharsets.UTF_8))
                .collect(Collectors.toList()).getLast();
    }
}
