package dev.pulse.testsupport;

import java.net.http.HttpResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a refusal tells a client: the HTTP status, and the stable code and the text, in the asked
 * language, of its problem JSON. One value, so that a test compares all three at once and a failure
 * shows all three.
 *
 * @param code   {@code null} when the body has none
 * @param detail {@code null} when the body has none; the whole body when it is no JSON (an HTML error
 *               page, say), so that a failure shows what came instead
 */
public record Refusal(int status, String code, String detail) {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    public static Refusal of(HttpResponse<String> response) {
        JsonNode problem;
        try {
            problem = MAPPER.readTree(response.body());
        } catch (JacksonException notJson) {
            return new Refusal(response.statusCode(), null, response.body());
        }
        return new Refusal(response.statusCode(), text(problem, "code"), text(problem, "detail"));
    }

    private static String text(JsonNode problem, String field) {
        return problem.hasNonNull(field) ? problem.get(field).asString() : null;
    }
}
