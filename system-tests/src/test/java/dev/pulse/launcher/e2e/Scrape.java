package dev.pulse.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a Prometheus scrape of a service reads, and one value out of it. */
final class Scrape {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Scrape() {
    }

    /** GET on a service's port, with {@code token} as bearer token when not null. */
    static HttpResponse<String> get(int port, String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The service's {@code /actuator/prometheus} text. */
    static String metrics(int port, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = get(port, "/actuator/prometheus", token);
        assertThat(response.statusCode()).as("scrape of port %d", port).isEqualTo(200);
        return response.body();
    }

    /** The value of the first sample of {@code name} (any labels). */
    static double value(String metrics, String name) {
        Matcher line = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? ([0-9.eE+-]+|NaN)$").matcher(metrics);
        assertThat(line.find()).as("%s in the scrape", name).isTrue();
        return Double.parseDouble(line.group(2));
    }
}
