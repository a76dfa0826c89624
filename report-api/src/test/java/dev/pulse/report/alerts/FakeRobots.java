package dev.pulse.report.alerts;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.pulse.events.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/**
 * Local group robots that answer as WeCom, DingTalk and Feishu do: HTTP 200 with an error code in
 * the body when a signature does not match, when more than {@code limit} messages came within the
 * window, or when a message is over the robot's size limit. The signatures are checked with this
 * class's own code, written from the robots' documentation, not with Pulse's.
 */
public final class FakeRobots implements AutoCloseable {

    private static final Pattern ALERT_ID = Pattern.compile("alertId: ([0-9a-f-]{36})");

    /** One robot: its format, its secret (null: no signature check), its rate and what it took. */
    public static final class Robot {
        final WebhookFormat format;
        final String secret;
        final int limit;
        final Duration window;
        public final List<String> accepted = new CopyOnWriteArrayList<>();
        public final Map<Long, AtomicInteger> refused = new ConcurrentHashMap<>();
        final AtomicInteger failFirst = new AtomicInteger();
        private final Deque<Long> recent = new ArrayDeque<>();

        Robot(WebhookFormat format, String secret, int limit, Duration window) {
            this.format = format;
            this.secret = secret;
            this.limit = limit;
            this.window = window;
        }

        public int refused(long code) {
            AtomicInteger count = refused.get(code);
            return count == null ? 0 : count.get();
        }

        /** Every message's text as a person would read it. */
        public List<String> texts() {
            return accepted.stream().map(body -> {
                JsonNode json = Json.MAPPER.readTree(body);
                return switch (format) {
                    case WECOM -> json.has("markdown") ? json.get("markdown").get("content").asString()
                            : json.get("text").get("content").asString();
                    case DINGTALK -> json.get("markdown").get("text").asString();
                    case FEISHU -> json.get("content").get("text").asString();
                    case GENERIC -> body;
                };
            }).toList();
        }

        private synchronized boolean tooFast(long now) {
            while (!recent.isEmpty() && recent.peekFirst() <= now - window.toMillis()) {
                recent.pollFirst();
            }
            recent.addLast(now);
            return recent.size() > limit;
        }
    }

    private final HttpServer server;
    private final Map<String, Robot> robots = new ConcurrentHashMap<>();

    public FakeRobots() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public Robot add(String path, WebhookFormat format, String secret, int limit, Duration window) {
        Robot robot = new Robot(format, secret, limit, window);
        robots.put(path, robot);
        return robot;
    }

    public String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    private void answer(HttpExchange exchange) throws IOException {
        Robot robot = robots.get(exchange.getRequestURI().getPath());
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        if (robot == null) {
            send(exchange, 404, "{}");
            return;
        }
        String body = new String(bytes, StandardCharsets.UTF_8);
        long code = verdict(robot, exchange.getRequestURI().getRawQuery(), body, bytes.length);
        if (code == 0) {
            robot.accepted.add(body);
        } else {
            robot.refused.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
        }
        String field = robot.format == WebhookFormat.FEISHU ? "code" : "errcode";
        String message = robot.format == WebhookFormat.FEISHU ? "msg" : "errmsg";
        send(exchange, 200, "{\"" + field + "\":" + code + ",\"" + message + "\":\"" + (code == 0 ? "ok" : "refused") + "\"}");
    }

    private static long verdict(Robot robot, String query, String body, int size) {
        if (robot.failFirst.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return robot.format == WebhookFormat.FEISHU ? 9499 : 500_000; // a robot's "system busy"
        }
        JsonNode json = Json.MAPPER.readTree(body);
        if (robot.secret != null && !signed(robot, query, json)) {
            return robot.format == WebhookFormat.DINGTALK ? 310000 : 19021;
        }
        if (robot.tooFast(System.currentTimeMillis())) {
            return switch (robot.format) {
                case WECOM -> 45009;
                case DINGTALK -> 130101;
                default -> 11232;
            };
        }
        return switch (robot.format) {
            case WECOM -> {
                boolean markdown = json.has("markdown");
                String content = markdown ? json.get("markdown").get("content").asString() : json.get("text").get("content").asString();
                yield content.getBytes(StandardCharsets.UTF_8).length > (markdown ? 4096 : 2048) ? 40058 : 0;
            }
            case DINGTALK -> size > 20_000 ? 460101 : 0;
            case FEISHU -> size > 20 * 1024 ? 9499 : 0;
            case GENERIC -> 0;
        };
    }

    private static boolean signed(Robot robot, String query, JsonNode body) {
        String timestamp;
        String sign;
        String expected;
        if (robot.format == WebhookFormat.DINGTALK) {
            Map<String, String> parameters = new HashMap<>();
            for (String parameter : query == null ? new String[0] : query.split("&")) {
                String[] pair = parameter.split("=", 2);
                parameters.put(pair[0], pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "");
            }
            timestamp = parameters.get("timestamp");
            sign = parameters.get("sign");
            if (timestamp == null || Math.abs(System.currentTimeMillis() - Long.parseLong(timestamp)) > 3_600_000) {
                return false;
            }
            expected = hmacBase64(robot.secret, timestamp + "\n" + robot.secret);
        } else {
            timestamp = body.has("timestamp") ? body.get("timestamp").asString() : null;
            sign = body.has("sign") ? body.get("sign").asString() : null;
            if (timestamp == null || Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) > 3_600) {
                return false;
            }
            expected = hmacBase64(timestamp + "\n" + robot.secret, "");
        }
        return expected.equals(sign);
    }

    private static String hmacBase64(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** The alert ids the messages name ("alertId: ..."), in order, as often as they are named. */
    public static List<UUID> alertIds(List<String> texts) {
        List<UUID> ids = new ArrayList<>();
        for (String text : texts) {
            Matcher matcher = ALERT_ID.matcher(text);
            while (matcher.find()) {
                ids.add(UUID.fromString(matcher.group(1)));
            }
        }
        return ids;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
