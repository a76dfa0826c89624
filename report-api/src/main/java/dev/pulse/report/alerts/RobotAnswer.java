package dev.pulse.report.alerts;

import dev.pulse.events.Json;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What a receiver's answer means. Group robots answer HTTP 200 to nearly everything and put the
 * verdict in the body: WeCom and DingTalk in {@code errcode}, Feishu in {@code code} (older Feishu
 * robots in {@code StatusCode}); anything but 0 is a failure, and a few codes mean "too fast".
 */
record RobotAnswer(Verdict verdict, String error) {

    enum Verdict { DELIVERED, RATE_LIMITED, FAILED }

    /** WeCom 45009 (api freq out of limit), DingTalk 130101 (send too fast), Feishu 11232 (frequency limited). */
    private static final Set<Long> RATE_LIMITED = Set.of(45009L, 130101L, 11232L);

    static final RobotAnswer DELIVERED = new RobotAnswer(Verdict.DELIVERED, null);

    static RobotAnswer of(WebhookFormat format, int status, String body) {
        if (status / 100 != 2) {
            return failed("HTTP " + status + (status == 429 ? " (too many requests)" : ""), status == 429);
        }
        if (!format.isRobot()) {
            return DELIVERED;
        }
        JsonNode answer;
        try {
            answer = Json.MAPPER.readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            return failed("HTTP 200 but not a robot's JSON answer: " + abbreviated(body), false);
        }
        String field = format == WebhookFormat.FEISHU ? (answer.has("code") ? "code" : "StatusCode") : "errcode";
        JsonNode code = answer == null ? null : answer.get(field);
        if (code == null || !code.isNumber()) {
            return failed("HTTP 200 without " + field + ": " + abbreviated(body), false);
        }
        if (code.asLong() == 0) {
            return DELIVERED;
        }
        JsonNode message = answer.has("errmsg") ? answer.get("errmsg") : answer.get("msg");
        String error = field + " " + code.asLong() + (message == null ? "" : " " + message.asString());
        return failed(error, RATE_LIMITED.contains(code.asLong()));
    }

    private static RobotAnswer failed(String error, boolean rateLimited) {
        return new RobotAnswer(rateLimited ? Verdict.RATE_LIMITED : Verdict.FAILED, error);
    }

    private static String abbreviated(String body) {
        if (body == null || body.isEmpty()) {
            return "(empty)";
        }
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }
}
