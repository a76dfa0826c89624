package dev.pulse.importer.columns;

import dev.pulse.events.Json;
import dev.pulse.importer.values.Words;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A mapping file: how to read a sheet whose headers are not the usual ones. JSON, every key optional:
 * <pre>{@code
 * {
 *   "type": "followups",                      // or "sales"; overrides the guess from the headers
 *   "zone": "Asia/Shanghai",                  // time zone of dates without an offset
 *   "columns": {"opportunity_id": ["customerId", "wechat"], "account": "customerName"},
 *   "defaults": {"channel": "OTHER"},         // a field's value when its cells are empty
 *   "stages": {"Engaging": "QUALIFIED"},      // cell word -> stage code
 *   "channels": {"短信": "OTHER"}             // cell word -> channel
 * }
 * }</pre>
 * A column names one field or a list of them; when several columns fill one field, the first
 * non-empty one in the mapping's order wins. Columns the mapping does not name are still
 * recognised by their usual headers.
 */
public record Mapping(EventKind type, ZoneId zone, Map<String, List<String>> columns, Map<String, String> defaults,
                      Map<String, String> stages, Map<String, String> channels) {

    public static final Mapping NONE = new Mapping(null, null, Map.of(), Map.of(), Map.of(), Map.of());

    /** @throws InvalidMappingException saying which key is wrong */
    public static Mapping read(InputStream in) throws IOException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(in);
        } catch (JacksonException e) {
            throw new InvalidMappingException("the mapping file is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidMappingException("the mapping file must hold one JSON object");
        }
        EventKind type = null;
        if (root.hasNonNull("type")) {
            try {
                type = EventKind.parse(root.get("type").asString());
            } catch (IllegalArgumentException e) {
                throw new InvalidMappingException("mapping: " + e.getMessage());
            }
        }
        ZoneId zone = null;
        if (root.hasNonNull("zone")) {
            try {
                zone = ZoneId.of(root.get("zone").asString());
            } catch (DateTimeException e) {
                throw new InvalidMappingException("mapping: zone '" + root.get("zone").asString() + "' is not a time zone");
            }
        }
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> column : entries(root, "columns")) {
            List<String> fields = new ArrayList<>();
            JsonNode value = column.getValue();
            for (JsonNode field : value.isArray() ? value : List.of(value)) {
                if (!field.isString()) {
                    throw new InvalidMappingException("mapping: column '" + column.getKey() + "' must name a field or a list of fields");
                }
                fields.add(field.asString());
            }
            columns.put(column.getKey(), List.copyOf(fields));
        }
        Mapping mapping = new Mapping(type, zone, columns, texts(root, "defaults"), texts(root, "stages"), texts(root, "channels"));
        mapping.checkFields(type == null ? EventKind.FOLLOWUPS : type);
        return mapping;
    }

    /** Every field the mapping names must be a field of the sheet's kind. */
    public void checkFields(EventKind kind) throws InvalidMappingException {
        List<String> named = new ArrayList<>(defaults.keySet());
        columns.values().forEach(named::addAll);
        for (String field : named) {
            if (!kind.fields().contains(field)) {
                throw new InvalidMappingException("mapping: '" + field + "' is not a field of " + kind.option()
                        + "; the fields are " + kind.fields());
            }
        }
    }

    /** The fields the mapping gives this header, or an empty list. */
    public List<String> fieldsOf(String header) {
        String key = Words.key(header);
        for (Map.Entry<String, List<String>> column : columns.entrySet()) {
            if (Words.key(column.getKey()).equals(key)) {
                return column.getValue();
            }
        }
        return List.of();
    }

    private static Iterable<Map.Entry<String, JsonNode>> entries(JsonNode root, String key) throws InvalidMappingException {
        JsonNode node = root.get(key);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isObject()) {
            throw new InvalidMappingException("mapping: '" + key + "' must be a JSON object");
        }
        return node.properties();
    }

    private static Map<String, String> texts(JsonNode root, String key) throws InvalidMappingException {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : entries(root, key)) {
            if (!entry.getValue().isValueNode()) {
                throw new InvalidMappingException("mapping: " + key + "." + entry.getKey() + " must be a text");
            }
            texts.put(entry.getKey(), entry.getValue().asString());
        }
        return texts;
    }

    /** A mapping file that cannot be used, with the reason. */
    public static class InvalidMappingException extends IOException {
        public InvalidMappingException(String message) {
            super(message);
        }
    }
}
