package dev.pulse.launcher.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ./pulse token} as the report API sees it: what it sends (method, path, bearer token, JSON)
 * and what it makes of the answers. The answers are the admin API's documented ones, played back by
 * a local HTTP server; the admin API itself is tested in AuthorizationMatrixIT.
 */
class TokenCommandTest {

    private record Received(String method, String path, String authorization, String body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private HttpServer server;
    private int status;
    private String answer;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private int token(String... args) {
        String url = "http://localhost:" + server.getAddress().getPort();
        String[] withUrl = Stream.concat(Stream.of(args), Stream.of("--url", url))
                .toArray(String[]::new);
        return new TokenCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(withUrl, Map.of("PULSE_TOKEN", "admin-secret"));
    }

    @Test
    void shouldCreateATokenWithTheAdminTokenAndPrintOnlyTheSecretOnStandardOut() {
        // given
        status = 201;
        answer = "{\"token\":\"pulse_new\",\"role\":\"REP\",\"name\":\"张伟的令牌\",\"tokenId\":\"t-1\"}";

        // when
        int exit = token("create", "--role", "REP", "--rep", "rep-zhangwei", "--name", "张伟的令牌");

        // then
        assertThat(exit).isZero();
        assertThat(received).containsExactly(new Received("POST", "/api/v1/admin/tokens", "Bearer admin-secret",
                "{\"role\":\"REP\",\"repId\":\"rep-zhangwei\",\"teamId\":null,\"name\":\"张伟的令牌\"}"));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("pulse_new" + System.lineSeparator());
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Issued REP token '张伟的令牌' (id t-1)");
    }

    @Test
    void shouldRevokeWithADeleteAndSayTheServersDetailWhenRefused() {
        // given
        status = 404;
        answer = "{\"title\":\"Not Found\",\"detail\":\"no token t-9\"}";

        // when
        int exit = token("revoke", "t-9");

        // then
        assertThat(exit).isEqualTo(1);
        assertThat(received).containsExactly(new Received("DELETE", "/api/v1/admin/tokens/t-9", "Bearer admin-secret", ""));
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("pulse token: 404 no token t-9");
    }

    @Test
    void shouldListWithAGetAndPrintTheServersAnswer() {
        // given
        status = 200;
        answer = "[{\"tokenId\":\"t-1\"}]";

        // when
        int exit = token("list");

        // then
        assertThat(exit).isZero();
        assertThat(received).extracting(Received::method, Received::path).containsExactly(
                tuple("GET", "/api/v1/admin/tokens"));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("[{\"tokenId\":\"t-1\"}]");
    }
}
