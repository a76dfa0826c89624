package dev.pulse.events.validation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * DESIGN.md's field rules, written a second time and in another shape than the validators, so the
 * property tests can tell which fields of any JSON value break the contract without asking the
 * code under test. The limits (lengths, 1990, five minutes of skew, ten years of planning,
 * 10^12) are the ones docs/DESIGN.md ("Events"), docs/api.md and the validators' messages promise.
 */
final class ContractRules {

    static final Set<String> FOLLOW_UP_FIELDS = Set.of("eventId", "customerId", "customerName", "phone", "email",
            "wechat", "company", "position", "repId", "repName", "teamId", "occurredAt", "channel", "content", "stage",
            "result", "nextFollowUpAt", "lostReason", "tags", "level", "source");
    static final Set<String> SALE_FIELDS = Set.of("eventId", "orderId", "customerId", "repId", "teamId", "product",
            "amount", "currency", "paymentMethod", "occurredAt", "shippingStatus");
    static final Set<String> CHANNELS = Set.of("PHONE", "WECHAT", "EMAIL", "MEETING", "VISIT", "OTHER");
    static final Set<String> STAGES = Set.of("LEAD", "QUALIFIED", "PROPOSAL", "QUOTE", "CONTRACT", "WON", "LOST");
    static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()\\-]{4,24}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Instant now;

    ContractRules(Instant now) {
        this.now = now;
    }

    /** Every field of a follow-up that breaks a rule; "" when the value is no JSON object at all. */
    Set<String> followUpViolations(JsonNode node) {
        return violations(node, f -> {
            f.text("customerId", 64, true, false);
            f.text("customerName", 200, true, false);
            if (!f.given("phone") && !f.given("email") && !f.given("wechat")) {
                f.broken("phone");
            }
            f.matching("phone", 32, PHONE);
            f.matching("email", 254, EMAIL);
            f.text("wechat", 64, false, false);
            f.text("company", 200, false, false);
            f.text("position", 200, false, false);
            f.text("repId", 64, true, false);
            f.text("repName", 200, false, false);
            f.text("teamId", 64, false, false);
            Instant occurredAt = f.occurredAt();
            f.oneOf("channel", CHANNELS, true);
            f.text("content", 10_000, true, true);
            String stage = f.oneOf("stage", STAGES, true);
            f.text("result", 2_000, false, true);
            Instant next = f.time("nextFollowUpAt", false);
            if (next != null && occurredAt != null && (!next.isAfter(occurredAt)
                    || next.isAfter(occurredAt.atOffset(ZoneOffset.UTC).plusYears(10).toInstant()))) {
                f.broken("nextFollowUpAt");
            }
            f.text("lostReason", 2_000, false, true);
            if ("LOST".equals(stage) && !f.given("lostReason")) {
                f.broken("lostReason");
            }
            f.tags();
            f.oneOf("level", Set.of("A", "B", "C"), false);
            f.text("source", 100, false, false);
        });
    }

    /** Every field of a sale that breaks a rule; "" when the value is no JSON object at all. */
    Set<String> saleViolations(JsonNode node) {
        return violations(node, f -> {
            f.text("orderId", 64, true, false);
            f.text("customerId", 64, true, false);
            f.text("repId", 64, true, false);
            f.text("teamId", 64, false, false);
            f.text("product", 200, true, false);
            BigDecimal amount = amount(node.get("amount"));
            if (amount == null || amount.signum() <= 0 || amount.compareTo(BigDecimal.TEN.pow(12)) >= 0
                    || amount.scale() > 4) {
                f.broken("amount");
            }
            f.oneOf("currency", CURRENCIES, false);
            f.text("paymentMethod", 64, false, false);
            f.occurredAt();
            f.text("shippingStatus", 64, false, false);
        });
    }

    /** The rules every event shares (an object, with an optional UUID eventId), then the type's own. */
    private Set<String> violations(JsonNode node, Consumer<Fields> typeRules) {
        if (node == null || !node.isObject()) {
            return Set.of("");
        }
        Fields f = new Fields(node);
        f.uuid("eventId");
        typeRules.accept(f);
        return f.broken;
    }

    /** A decimal from a JSON number or a numeric string; null when there is none. */
    private static BigDecimal amount(JsonNode value) {
        if (value == null || !(value.isNumber() || value.isString())) {
            return null;
        }
        try {
            return new BigDecimal(value.isNumber() ? value.toString() : value.asString().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Storable text: no C0/C1 controls (bar line breaks and tabs in free text), no line or paragraph separators, no unpaired surrogates, no bidi overrides outside free text. */
    static boolean storable(String text, boolean freeText) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreakOrTab = c == '\n' || c == '\r' || c == '\t';
            if ((c < 0x20 || c >= 0x7F && c <= 0x9F) && !(freeText && lineBreakOrTab)) {
                return false;
            }
            if (c == 0x2028 || c == 0x2029) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
            if (!freeText && (c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069)) {
                return false;
            }
        }
        return true;
    }

    /** Reads one record's fields, adding each broken one to {@code broken}. */
    private final class Fields {

        private final JsonNode node;
        private final Set<String> broken = new LinkedHashSet<>();

        Fields(JsonNode node) {
            this.node = node;
        }

        void broken(String field) {
            broken.add(field);
        }

        /** Given means there: not missing, not null, not a blank string. */
        boolean given(String field) {
            JsonNode value = node.get(field);
            return value != null && !value.isNull() && !(value.isString() && value.asString().isBlank());
        }

        /** The stripped text when the field is given and valid; null otherwise (and recorded when broken). */
        String text(String field, int maxCharacters, boolean required, boolean freeText) {
            if (!given(field)) {
                if (required) {
                    broken.add(field);
                }
                return null;
            }
            JsonNode value = node.get(field);
            if (!value.isString()) {
                broken.add(field);
                return null;
            }
            String text = value.asString().strip();
            if (text.codePoints().count() > maxCharacters || !storable(text, freeText)) {
                broken.add(field);
                return null;
            }
            return text;
        }

        void uuid(String field) {
            String text = text(field, 36, false, false);
            if (text != null && !UUID_TEXT.matcher(text).matches()) {
                broken.add(field);
            }
        }

        void matching(String field, int maxCharacters, Pattern pattern) {
            String text = text(field, maxCharacters, false, false);
            if (text != null && !pattern.matcher(text).matches()) {
                broken.add(field);
            }
        }

        String oneOf(String field, Set<String> allowed, boolean required) {
            String text = text(field, 64, required, false);
            if (text == null) {
                return null;
            }
            String code = text.toUpperCase(Locale.ROOT);
            if (!allowed.contains(code)) {
                broken.add(field);
                return null;
            }
            return code;
        }

        Instant time(String field, boolean required) {
            String text = text(field, 64, required, false);
            if (text == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                broken.add(field);
                return null;
            }
        }

        /** When the event happened: required, from 1990 to five minutes of clock skew past now. */
        Instant occurredAt() {
            Instant occurredAt = time("occurredAt", true);
            if (occurredAt != null && (occurredAt.isBefore(EARLIEST) || occurredAt.isAfter(now.plusSeconds(300)))) {
                broken.add("occurredAt");
            }
            return occurredAt;
        }

        void tags() {
            if (!given("tags")) {
                return;
            }
            JsonNode value = node.get("tags");
            if (!value.isArray() || value.size() > 20) {
                broken.add("tags");
                return;
            }
            for (JsonNode item : value) {
                String text = item.isString() ? item.asString().strip() : "";
                if (text.isEmpty() || text.codePoints().count() > 50 || !storable(text, false)) {
                    broken.add("tags");
                    return;
                }
            }
        }
    }
}
