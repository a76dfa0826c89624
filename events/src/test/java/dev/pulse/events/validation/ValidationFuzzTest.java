package dev.pulse.events.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.events.FollowUp;
import dev.pulse.events.Json;
import dev.pulse.events.Sale;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ingest validation against arbitrary input: valid records, valid records with one field
 * broken, records of random JSON in every field, and JSON text cut and spliced at random. It must
 * never throw, must accept exactly the records {@link ContractRules} (written independently from
 * DESIGN.md) calls valid, must name every broken field, and what it accepts must survive the
 * serialisation ingest writes to Kafka and the re-validation every reader applies.
 */
class ValidationFuzzTest {

    private static final Instant NOW = TestValidators.NOW;
    private static final FollowUpValidator FOLLOW_UPS = TestValidators.followUps();
    private static final SaleValidator SALES = TestValidators.sales();
    private static final ContractRules RULES = new ContractRules(NOW);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Strings attackers and real sheets send: injections, traversal, emoji, mixed scripts, controls, sizes at the limits. */
    private static final List<String> HOSTILE = List.of(
            "'; drop table followup; --", "\" OR 1=1 --", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "../../etc/passwd", "%00", "${jndi:ldap://x/a}", "=cmd|' /C calc'!A0", "👩🏻‍💼📞🔥", "王芳 Fang مرحبا שלום",
            "a\u0000b", "\u0007", "C-1\u202Egnp.exe", "x\u2066y\u2069", "\uD83D", "\uDE00x", "line\nbreak", "tab\tbed",
            "\u2028", " ", "\u3000", "\uFEFF", "null", "NaN", "-1", "0", "1e309", "0.00001", "12800.50",
            "1989-12-31T23:59:59Z", "2026-11-24T04:05:01Z", "2026-11-24T04:05:00Z", "+999999999-12-31T23:59:59Z",
            "2026-13-01T00:00:00Z", "2026-11-24", "lead", "Lost", "wechat", "XYZ", "cny", "b",
            "3f2b7c1e-0d4a-4c55-9a7e-2b1f6e0c9d11", "3F2B7C1E-0D4A-4C55-9A7E-2B1F6E0C9D11", "3f2b7c1e-d4a-4c55-9a7e-2b1f6e0c9d11",
            "x".repeat(64), "x".repeat(65), "张".repeat(200), "张".repeat(201), "😀".repeat(50), "😀".repeat(51));

    @Property(tries = 1000)
    void shouldNeverThrowAndNameOnlyKnownFieldsWhateverTheJsonValue(@ForAll("anyValue") JsonNode node) {
        Validated<FollowUp> followUp = FOLLOW_UPS.validate(node, 7);
        Validated<Sale> sale = SALES.validate(node, 7);

        assertThat(followUp.errors()).allSatisfy(e -> {
            assertThat(e.index()).isEqualTo(7);
            assertThat(ContractRules.FOLLOW_UP_FIELDS).as("%s", e).contains(e.field().isEmpty() ? "eventId" : e.field());
            assertThat(e.message()).isNotBlank();
        });
        assertThat(sale.errors()).allSatisfy(e -> assertThat(e.field().isEmpty() || ContractRules.SALE_FIELDS.contains(e.field())).isTrue());
    }

    @Property(tries = 1000)
    void shouldAcceptExactlyTheFollowUpsThatKeepEveryRuleAndNameEveryBrokenField(@ForAll("followUpCandidates") ObjectNode node) {
        FollowUp f = acceptedAsTheRulesSay(FOLLOW_UPS::validate, node, RULES.followUpViolations(node));

        if (f != null) {
            assertThat(f.customerId()).isEqualTo(node.get("customerId").asString().strip());
            assertThat(f.content()).isEqualTo(node.get("content").asString().strip());
            assertThat(f.stage()).isEqualTo(node.get("stage").asString().strip().toUpperCase(Locale.ROOT));
            assertThat(f.phone() != null || f.email() != null || f.wechat() != null).isTrue();
            assertThat(f.occurredAt()).isBetween(Instant.parse("1990-01-01T00:00:00Z"), NOW.plusSeconds(300));
            assertThat(f.nextFollowUpAt() == null || f.nextFollowUpAt().isAfter(f.occurredAt())).isTrue();
            assertThat(!f.stage().equals("LOST") || f.lostReason() != null).isTrue();
        }
    }

    @Property(tries = 1000)
    void shouldAcceptExactlyTheSalesThatKeepEveryRuleAndNameEveryBrokenField(@ForAll("saleCandidates") ObjectNode node) {
        Sale s = acceptedAsTheRulesSay(SALES::validate, node, RULES.saleViolations(node));

        if (s != null) {
            assertThat(s.amount()).isPositive().isLessThan(BigDecimal.TEN.pow(12));
            assertThat(s.amount().scale()).isLessThanOrEqualTo(4);
            assertThat(ContractRules.CURRENCIES).contains(s.currency());
            assertThat(s.orderId()).isEqualTo(node.get("orderId").asString().strip());
        }
    }

    /**
     * JSON text as a careless or hostile client sends it: a valid body cut short, with a character
     * spliced in, or plain noise. Parsing (as ingest and every reader parse) may only fail with
     * Jackson's own exception; whatever parses goes through validation without throwing.
     */
    @Property(tries = 1000)
    void shouldOnlyEverFailAsMalformedJsonWhenParsingGarbageText(@ForAll("jsonishText") String text) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            assertThat(e.getOriginalMessage()).isNotBlank();
            return;
        }
        List<JsonNode> records = root.isArray() ? root.valueStream().toList() : List.of(root);
        for (JsonNode record : records) {
            Validated<FollowUp> followUp = FOLLOW_UPS.validate(record, 0);
            Validated<Sale> sale = SALES.validate(record, 0);
            assertThat(followUp.isValid()).isEqualTo(RULES.followUpViolations(record).isEmpty());
            assertThat(sale.isValid()).isEqualTo(RULES.saleViolations(record).isEmpty());
        }
    }

    /**
     * Validates {@code node}, which must be refused naming exactly the {@code broken} fields, or, when
     * none is, accepted; what is accepted must survive the topic. Returns the accepted value, else null.
     */
    private static <T> T acceptedAsTheRulesSay(EventValidatorContract.Validation<T> validation, ObjectNode node, Set<String> broken) {
        Validated<T> result = validation.validate(node, 0);
        assertThat(fields(result.errors())).as("input %s", node).isEqualTo(broken);
        if (!result.isValid()) {
            return null;
        }
        T value = result.value();
        assertThat(survivesTheTopic(value, validation)).isEqualTo(value);
        return value;
    }

    /** What a reader of the topic gets: the record as ingest serialises it, parsed and validated again. */
    private static <T> T survivesTheTopic(T value, EventValidatorContract.Validation<T> validation) {
        JsonNode written = Json.MAPPER.readTree(Json.MAPPER.writeValueAsBytes(value));
        Validated<T> again = validation.validate(written, 0);
        assertThat(again.errors()).isEmpty();
        return again.value();
    }

    private static Set<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).collect(Collectors.toSet());
    }

    // ---- generators ----

    @Provide
    Arbitrary<JsonNode> anyValue() {
        return value(3);
    }

    /** A valid follow-up (two in five), one with a field broken or dropped, or one of random fields. */
    @Provide
    Arbitrary<ObjectNode> followUpCandidates() {
        return candidates(validFollowUp(), ContractRules.FOLLOW_UP_FIELDS);
    }

    @Provide
    Arbitrary<ObjectNode> saleCandidates() {
        return candidates(validSale(), ContractRules.SALE_FIELDS);
    }

    @Provide
    Arbitrary<String> jsonishText() {
        Arbitrary<String> valid = Arbitraries.oneOf(validFollowUp(), validSale()).map(JsonNode::toString);
        Arbitrary<String> cut = Combinators.combine(valid, Arbitraries.doubles().between(0, 1))
                .as((text, at) -> text.substring(0, (int) (text.length() * at)));
        Arbitrary<String> spliced = Combinators.combine(valid, Arbitraries.doubles().between(0, 1),
                Arbitraries.of("\"", "{", "}", "[", "]", ",", ":", "\\", "\uFEFF", "NaN", "\u0000", "\\ud800", "}{", "//", "'"))
                .as((text, at, inserted) -> {
                    int i = (int) (text.length() * at);
                    return text.substring(0, i) + inserted + text.substring(i);
                });
        Arbitrary<String> noise = Arbitraries.strings().withChars("{}[]\":,0123456789.-+eE truefalsn\\u").ofMaxLength(40);
        Arbitrary<String> nested = Arbitraries.integers().between(1, 3_000).map(n -> "[".repeat(n) + "]".repeat(n));
        return Arbitraries.oneOf(valid, cut, spliced, noise, nested, value(2).map(JsonNode::toString));
    }

    private Arbitrary<ObjectNode> candidates(Arbitrary<ObjectNode> valid, Set<String> fields) {
        Arbitrary<ObjectNode> oneBroken = Combinators.combine(valid, Arbitraries.of(fields), value(1))
                .as((node, field, replacement) -> node.set(field, replacement));
        Arbitrary<ObjectNode> oneHostile = Combinators.combine(valid, Arbitraries.of(fields), anyString())
                .as((node, field, text) -> node.put(field, text));
        Arbitrary<ObjectNode> oneDropped = Combinators.combine(valid, Arbitraries.of(fields))
                .as((node, field) -> (ObjectNode) node.without(field));
        Arbitrary<ObjectNode> random = Combinators.combine(Arbitraries.of(fields).set().ofMaxSize(fields.size()),
                Arbitraries.oneOf(value(1), anyString().map(NODES::stringNode)).list().ofSize(fields.size()))
                .as((names, values) -> {
                    ObjectNode node = NODES.objectNode();
                    int i = 0;
                    for (String name : names) {
                        node.set(name, values.get(i++));
                    }
                    return node;
                });
        return Arbitraries.frequencyOf(Tuple.of(2, valid), Tuple.of(1, oneBroken), Tuple.of(1, oneHostile),
                Tuple.of(1, oneDropped), Tuple.of(1, random));
    }

    private Arbitrary<ObjectNode> validFollowUp() {
        Arbitrary<ObjectNode> required = Combinators.combine(
                typed(1, 64), typed(1, 200), Arbitraries.of("13800138000", "+86 138 0013 8000", "(021) 6234-5678"),
                typed(1, 64), occurredAt(), Arbitraries.of(ContractRules.CHANNELS).flatMap(ValidationFuzzTest::anyCase),
                typed(1, 400).map(text -> text + "\n" + text), Arbitraries.of(ContractRules.STAGES).flatMap(ValidationFuzzTest::anyCase))
                .as((customerId, name, phone, repId, occurredAt, channel, content, stage) -> NODES.objectNode()
                        .put("customerId", customerId).put("customerName", name).put("phone", phone).put("repId", repId)
                        .put("occurredAt", occurredAt.toString()).put("channel", channel).put("content", content)
                        .put("stage", stage));
        return Combinators.combine(required, Arbitraries.integers().between(1, 60 * 24 * 365 * 9),
                        typed(1, 50).list().ofMaxSize(20), Arbitraries.of("a", "B", "c", ""), typed(0, 100),
                        Arbitraries.of(true, false))
                .as((node, minutesAhead, tags, level, source, withOptional) -> {
                    if (node.get("stage").asString().equalsIgnoreCase("LOST")) {
                        node.put("lostReason", "价格太高 " + source);
                    }
                    if (withOptional) {
                        Instant occurredAt = java.time.OffsetDateTime.parse(node.get("occurredAt").asString()).toInstant();
                        node.put("nextFollowUpAt", occurredAt.plus(Duration.ofMinutes(minutesAhead)).toString())
                                .put("email", "Rep." + minutesAhead + "@Example.cn").put("level", level).put("source", source);
                        tags.forEach(node.withArray("tags")::add);
                    }
                    return node;
                });
    }

    private Arbitrary<ObjectNode> validSale() {
        return Combinators.combine(typed(1, 64), typed(1, 64), typed(1, 64), typed(1, 200),
                        Arbitraries.bigDecimals().between(new BigDecimal("0.0001"), new BigDecimal("999999999999.9999")).ofScale(4),
                        Arbitraries.of("CNY", "usd", "Eur", "JPY"), occurredAt(), Arbitraries.of(true, false))
                .as((orderId, customerId, repId, product, amount, currency, occurredAt, asText) -> {
                    ObjectNode node = NODES.objectNode().put("orderId", orderId).put("customerId", customerId)
                            .put("repId", repId).put("product", product).put("currency", currency)
                            .put("occurredAt", occurredAt.toString());
                    return asText ? node.put("amount", amount.toPlainString()) : node.put("amount", amount);
                });
    }

    /** From 1990 up to the end of the allowed skew, written with an offset as a Chinese client would. */
    private static Arbitrary<java.time.OffsetDateTime> occurredAt() {
        long earliest = Instant.parse("1990-01-01T00:00:00Z").getEpochSecond();
        return Arbitraries.longs().between(earliest, NOW.getEpochSecond() + 300)
                .map(seconds -> Instant.ofEpochSecond(seconds).atOffset(ZoneOffset.ofHours(8)));
    }

    private static Arbitrary<String> anyCase(String code) {
        return Arbitraries.of(code, code.toLowerCase(Locale.ROOT), " " + code + " ");
    }

    private Arbitrary<JsonNode> value(int depth) {
        Arbitrary<JsonNode> scalar = Arbitraries.oneOf(
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.bigDecimals().ofScale(6).map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                anyString().map(NODES::stringNode));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<JsonNode> array = value(depth - 1).list().ofMaxSize(4).map(items -> {
            ArrayNode node = NODES.arrayNode();
            items.forEach(node::add);
            return node;
        });
        Arbitrary<JsonNode> object = Combinators.combine(
                Arbitraries.oneOf(Arbitraries.of(ContractRules.FOLLOW_UP_FIELDS), Arbitraries.of(ContractRules.SALE_FIELDS),
                        anyString()).list().ofMaxSize(5),
                value(depth - 1).list().ofSize(5)).as((names, values) -> {
                    ObjectNode node = NODES.objectNode();
                    for (int i = 0; i < names.size(); i++) {
                        node.set(names.get(i), values.get(i));
                    }
                    return node;
                });
        return Arbitraries.frequencyOf(Tuple.of(4, scalar), Tuple.of(1, array), Tuple.of(2, object));
    }

    private static Arbitrary<String> anyString() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(HOSTILE)),
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(30)),
                Tuple.of(2, typed(0, 80)),
                Tuple.of(1, typed(190, 260)));
    }

    /** Text a person could type, counted in characters: Latin, digits, CJK, Arabic, emoji (surrogate pairs) and spaces. */
    private static Arbitrary<String> typed(int minCharacters, int maxCharacters) {
        Arbitrary<String> character = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.chars().alpha().numeric().map(String::valueOf)),
                Tuple.of(4, Arbitraries.chars().range('\u4e00', '\u9fa5').map(String::valueOf)),
                Tuple.of(1, Arbitraries.chars().range('\u0627', '\u064a').map(String::valueOf)),
                Tuple.of(1, Arbitraries.of("😀", "🔥", "👩🏻", "📞", "\u200f")),
                Tuple.of(1, Arbitraries.of("-", "_", ".", "@", "'", "<", ">", "&", "\"", ";")));
        return character.list().ofMinSize(minCharacters).ofMaxSize(maxCharacters)
                .map(chars -> String.join("", chars))
                .map(text -> text.isBlank() && minCharacters > 0 ? "x" + text.strip() : text);
    }
}
