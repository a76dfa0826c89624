package dev.pulse.events.validation;

import dev.pulse.events.messages.MessageCode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Reads typed fields out of one JSON object and collects an error for every field that is
 * missing, of the wrong type or out of bounds, so a client sees all its mistakes at once.
 * Each reader returns null when the field is absent or invalid.
 */
final class FieldReader {

    /** Ids, names and codes: printable text only. */
    static final int SHORT = 64;
    static final int MEDIUM = 200;

    private final JsonNode node;
    private final int index;
    private final List<FieldError> errors = new ArrayList<>();

    private FieldReader(JsonNode node, int index) {
        this.node = node;
        this.index = index;
    }

    /** How an event type reads its fields, given the optional eventId every event has: its value, made on demand. */
    interface EventFields<T> {
        Supplier<T> read(FieldReader r, UUID eventId);
    }

    /**
     * Reads record {@code index} of a request: every field's error, or, when there is none, the event.
     * The event is made only then, so its constructor never sees a field that failed.
     */
    static <T> Validated<T> read(JsonNode node, int index, EventFields<T> fields) {
        if (node == null || !node.isObject()) {
            return new Validated<>(null, List.of(new FieldError(index, "", MessageCode.NOT_AN_OBJECT)));
        }
        FieldReader r = new FieldReader(node, index);
        Supplier<T> event = fields.read(r, r.optionalUuid("eventId"));
        return r.errors.isEmpty() ? new Validated<>(event.get(), List.of()) : new Validated<>(null, r.errors);
    }

    void error(String field, MessageCode code, Object... args) {
        errors.add(new FieldError(index, field, code, args));
    }

    boolean present(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull() && !(value.isString() && value.asString().isBlank());
    }

    /** The field's value when it is present and of the JSON type wanted; else null, {@code wrongType} its error. */
    private JsonNode presentAs(String field, Predicate<JsonNode> ofType, MessageCode wrongType) {
        if (!present(field)) {
            return null;
        }
        JsonNode value = node.get(field);
        if (!ofType.test(value)) {
            error(field, wrongType);
            return null;
        }
        return value;
    }

    /** Whether the field is present; when it is not, that is the field's error. */
    private boolean required(String field) {
        if (present(field)) {
            return true;
        }
        error(field, MessageCode.REQUIRED);
        return false;
    }

    String requiredText(String field, int maxLength) {
        return required(field) ? optionalText(field, maxLength) : null;
    }

    /** Free text such as follow-up content: line breaks and tabs allowed, other control characters not. */
    String requiredLongText(String field, int maxLength) {
        return required(field) ? text(field, maxLength, true) : null;
    }

    String optionalText(String field, int maxLength) {
        return text(field, maxLength, false);
    }

    String optionalLongText(String field, int maxLength) {
        return text(field, maxLength, true);
    }

    private String text(String field, int maxLength, boolean multiline) {
        JsonNode value = presentAs(field, JsonNode::isString, MessageCode.NOT_A_STRING);
        if (value == null) {
            return null;
        }
        String text = value.asString().strip();
        if (text.codePointCount(0, text.length()) > maxLength) {
            error(field, MessageCode.TOO_LONG, maxLength);
            return null;
        }
        MessageCode forbidden = forbiddenCharacter(text, multiline);
        if (forbidden != null) {
            error(field, forbidden);
            return null;
        }
        return text;
    }

    /**
     * Why {@code text} may not be stored, or null when it may. Control characters break CSV, logs
     * and PostgreSQL (NUL); an unpaired surrogate is no Unicode text at all, and PostgreSQL would
     * store it as '?'. Bidi embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069) make
     * an id or a name display as something else ("Trojan Source"), so only free text, where mixed
     * right-to-left writing may need them, can hold them.
     */
    private static MessageCode forbiddenCharacter(String text, boolean multiline) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))
                    || c == 0x2028 || c == 0x2029) {
                return MessageCode.CONTROL_CHARACTERS;
            }
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                return MessageCode.BROKEN_UNICODE;
            }
            if (!multiline && (c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069)) {
                return MessageCode.BIDI_CHARACTERS;
            }
        }
        return null;
    }

    <E extends Enum<E>> E requiredEnum(String field, Class<E> type) {
        String text = requiredText(field, SHORT);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            error(field, MessageCode.ONE_OF, java.util.Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    UUID optionalUuid(String field) {
        return parsed(field, 36, FieldReader::canonicalUuid, MessageCode.NOT_A_UUID);
    }

    /** A UUID written the one way UUID.toString writes it, in either case. */
    private static UUID canonicalUuid(String text) {
        UUID id = UUID.fromString(text);
        if (!id.toString().equalsIgnoreCase(text)) {
            throw new IllegalArgumentException("not canonical");
        }
        return id;
    }

    Instant requiredInstant(String field) {
        return required(field) ? optionalInstant(field) : null;
    }

    /** When the event happened, which every event gives: held to the time rules of whoever reads it. */
    Instant occurredAt(TimeRules timeRules) {
        Instant occurredAt = requiredInstant("occurredAt");
        timeRules.checkOccurredAt(this, "occurredAt", occurredAt);
        return occurredAt;
    }

    Instant optionalInstant(String field) {
        return parsed(field, SHORT, text -> OffsetDateTime.parse(text).toInstant(), MessageCode.NOT_A_TIME);
    }

    /** A calendar date such as 2026-11-30, with no time and no zone: a day as the rep names it. */
    LocalDate optionalDate(String field) {
        return parsed(field, SHORT, LocalDate::parse, MessageCode.NOT_A_CALENDAR_DATE);
    }

    /**
     * The field's text read by {@code parse}, which throws on text it cannot read: then the field's
     * error is {@code unreadable}. Null when the field is absent or not valid text.
     */
    private <T> T parsed(String field, int maxLength, Function<String, T> parse, MessageCode unreadable) {
        String text = optionalText(field, maxLength);
        if (text == null) {
            return null;
        }
        try {
            return parse.apply(text);
        } catch (DateTimeException | IllegalArgumentException e) {
            error(field, unreadable);
            return null;
        }
    }

    BigDecimal requiredDecimal(String field) {
        return required(field) ? optionalDecimal(field) : null;
    }

    BigDecimal optionalDecimal(String field) {
        if (!present(field)) {
            return null;
        }
        JsonNode value = node.get(field);
        try {
            if (value.isNumber()) {
                return value.decimalValue();
            }
            if (value.isString()) {
                return new BigDecimal(value.asString().strip());
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        error(field, MessageCode.NOT_A_DECIMAL);
        return null;
    }

    List<String> optionalTextList(String field, int maxItems, int maxLength) {
        JsonNode value = presentAs(field, JsonNode::isArray, MessageCode.NOT_AN_ARRAY);
        if (value == null) {
            return null;
        }
        if (value.size() > maxItems) {
            error(field, MessageCode.TOO_MANY_ITEMS, maxItems);
            return null;
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            String text = item.isString() ? item.asString().strip() : null;
            if (text == null || text.isEmpty() || text.codePointCount(0, text.length()) > maxLength
                    || forbiddenCharacter(text, false) != null) {
                error(field, MessageCode.BAD_ITEMS, maxLength);
                return null;
            }
            items.add(text);
        }
        return List.copyOf(items);
    }
}
