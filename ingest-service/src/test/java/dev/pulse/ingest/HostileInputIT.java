package dev.pulse.ingest;

import static dev.pulse.ingest.IngestStack.FOLLOWUPS;
import static dev.pulse.ingest.IngestStack.SALES;
import static dev.pulse.ingest.RunningIngest.JSON;
import static dev.pulse.ingest.RunningIngest.NDJSON;
import static dev.pulse.ingest.RunningIngest.PROBLEM_JSON;
import static dev.pulse.ingest.RunningIngest.contentType;
import static dev.pulse.ingest.RunningIngest.json;
import static dev.pulse.ingest.Samples.followUp;
import static dev.pulse.ingest.Samples.newCustomerId;
import static dev.pulse.ingest.Samples.sale;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.events.Json;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 6, "bad input": a corpus of hostile and malformed requests against the real ingest on a
 * real broker. Each refused request gets its exact status and a problem+json naming the field,
 * and the topics receive nothing at all (proven with markers on every partition, see
 * {@link TopicWatch}). Injection strings, emoji and mixed scripts are data: where a field's rules
 * allow them they are accepted and reach the topic byte for byte. The service answers health UP
 * at the end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {

    private static final int MAX_RECORDS = 100;
    private static final int MAX_BODY = 2 * 1024 * 1024;

    private static final String SQL = "'; drop table followup; --";
    private static final String SCRIPT = "<script>alert(1)</script>";

    /** Follow-up fields that take any printable text up to their length: injection strings are their data. */
    private static final List<String> FREE_FOLLOW_UP_FIELDS = List.of("customerId", "customerName", "wechat", "company",
            "position", "repId", "repName", "teamId", "content", "result", "lostReason", "source");
    /** Follow-up fields with a shape (a code, a time, a number, an address): the same strings are refused there. */
    private static final List<String> SHAPED_FOLLOW_UP_FIELDS = List.of("eventId", "phone", "email", "occurredAt",
            "channel", "stage", "nextFollowUpAt", "level");
    private static final List<String> FREE_SALE_FIELDS = List.of("orderId", "customerId", "repId", "teamId", "product",
            "paymentMethod", "shippingStatus");
    private static final List<String> SHAPED_SALE_FIELDS = List.of("eventId", "amount", "currency", "occurredAt");

    private static TopicWatch topics;

    @RegisterExtension
    static final IngestStack stack = new IngestStack(3,
            "pulse.ingest.max-records=" + MAX_RECORDS, "pulse.ingest.max-body=2MB",
            // the corpus is about input, not outages: a slow broker on a busy machine must not answer 503
            "pulse.ingest.kafka-timeout=15s");

    @BeforeAll
    static void watchTheTopics() {
        topics = new TopicWatch(stack.bootstrapServers(), stack.ingest(), FOLLOWUPS, SALES);
    }

    @AfterAll
    static void stopWatching() {
        if (topics != null) {
            topics.close();
        }
    }

    /** A request that must be refused: where it goes, what it sends, and the answer it must get. */
    record Hostile(String method, String path, String contentType, BodyPublisher body, int status, String field,
                   String message) {

        static Hostile post(String path, String contentType, String body, int status, String field, String message) {
            return new Hostile("POST", path, contentType, BodyPublishers.ofString(body, StandardCharsets.UTF_8), status,
                    field, message);
        }

        /** A 400 naming {@code field} (any message). */
        static Hostile invalid(String path, JsonNode body, String field) {
            return post(path, JSON, body.toString(), 400, field, null);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    @Order(1)
    void shouldRefuseWithThePreciseStatusAndWriteNothing(Hostile request) {
        // when
        HttpResponse<String> response = stack.ingest().request(request.method(), request.path(), request.contentType(),
                request.body());

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(request.status());
        assertThat(contentType(response)).startsWith(PROBLEM_JSON);
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(request.status());
        assertThat(problem.has("accepted")).isFalse();
        if (request.field() != null) {
            assertThat(problem.get("errors")).as(response.body())
                    .anySatisfy(e -> {
                        assertThat(e.get("field").asString()).isEqualTo(request.field());
                        if (request.message() != null) {
                            assertThat(e.get("message").asString()).startsWith(request.message());
                        }
                    });
        }
        assertThat(topics.arrivals()).as("written although refused").isEmpty();
    }

    static Stream<Arguments> refused() {
        List<Arguments> cases = new ArrayList<>();
        String f = "/api/v1/followups";
        String s = "/api/v1/sales";
        String valid = followUp(newCustomerId()).toString();

        // broken JSON: the parser's own refusals, reported on record 0 with no field
        String malformed = "malformed JSON";
        add(cases, "truncated", Hostile.post(f, JSON, valid.substring(0, valid.length() / 2), 400, "", malformed));
        add(cases, "trailing garbage", Hostile.post(f, JSON, valid + " }x", 400, "", malformed));
        add(cases, "two documents", Hostile.post(f, JSON, valid + valid, 400, "", malformed));
        add(cases, "BOM in the middle", Hostile.post(f, JSON, valid.replaceFirst(",", ",\uFEFF"), 400, "", malformed));
        add(cases, "BOM before the body (RFC 8259 lets a parser refuse it; Jackson does)",
                Hostile.post(f, JSON, "\uFEFF" + valid, 400, "", malformed));
        add(cases, "NaN amount", Hostile.post(s, JSON, sale(newCustomerId()).toString().replace("12800.50", "NaN"), 400, "", malformed));
        add(cases, "Infinity amount", Hostile.post(s, JSON, sale(newCustomerId()).toString().replace("12800.50", "Infinity"), 400, "", malformed));
        add(cases, "single quotes", Hostile.post(f, JSON, valid.replace('"', '\''), 400, "", malformed));
        add(cases, "comment", Hostile.post(f, JSON, "/* hi */" + valid, 400, "", malformed));
        add(cases, "10,000 nested arrays", Hostile.post(f, JSON, "[".repeat(10_000) + "]".repeat(10_000), 400, "", malformed));
        add(cases, "empty body", Hostile.post(f, JSON, "", 400, "", "the body is empty"));
        add(cases, "a bare string", Hostile.post(f, JSON, "\"" + SQL + "\"", 400, "", "must be a JSON object"));
        add(cases, "an array of nulls", Hostile.post(f, JSON, "[null, null]", 400, "", "must be a JSON object"));
        add(cases, "NDJSON with a broken second line",
                Hostile.post(f, NDJSON, valid + "\n{\"customerId\": \n", 400, "", malformed));
        add(cases, "bytes that are not UTF-8", new Hostile("POST", f, JSON,
                BodyPublishers.ofByteArray(concat(valid.substring(0, 20), new byte[] {(byte) 0xC3, (byte) 0x28}, valid.substring(20))),
                400, "", "body is not valid UTF-8"));

        // wrong types
        add(cases, "number for customerId", Hostile.invalid(f, followUp(newCustomerId()).put("customerId", 12345), "customerId"));
        add(cases, "object for customerName", Hostile.invalid(f, followUp(newCustomerId()).set("customerName",
                Json.MAPPER.createObjectNode().put("zh", "王芳")), "customerName"));
        add(cases, "number for phone", Hostile.invalid(f, followUp(newCustomerId()).put("phone", 13800138000L), "phone"));
        add(cases, "number for occurredAt", Hostile.invalid(f, followUp(newCustomerId()).put("occurredAt", 1733000000), "occurredAt"));
        add(cases, "array for channel", Hostile.invalid(f, with(followUp(newCustomerId()), n -> {
            n.putArray("channel").add("PHONE");
            return n;
        }), "channel"));
        add(cases, "boolean for content", Hostile.invalid(f, followUp(newCustomerId()).put("content", true), "content"));
        add(cases, "null stage", Hostile.invalid(f, followUp(newCustomerId()).putNull("stage"), "stage"));
        add(cases, "object for tags", Hostile.invalid(f, followUp(newCustomerId()).set("tags",
                Json.MAPPER.createObjectNode().put("a", "b")), "tags"));
        add(cases, "string for tags", Hostile.invalid(f, followUp(newCustomerId()).put("tags", "重点客户"), "tags"));
        add(cases, "numbers in tags", Hostile.invalid(f, with(followUp(newCustomerId()), n -> {
            n.putArray("tags").add(1).add(2);
            return n;
        }), "tags"));
        add(cases, "number for orderId", Hostile.invalid(s, sale(newCustomerId()).put("orderId", 42), "orderId"));
        add(cases, "word for amount", Hostile.invalid(s, sale(newCustomerId()).put("amount", "twelve"), "amount"));
        add(cases, "boolean for amount", Hostile.invalid(s, sale(newCustomerId()).put("amount", true), "amount"));
        add(cases, "object for amount", Hostile.invalid(s, sale(newCustomerId()).set("amount",
                Json.MAPPER.createObjectNode().put("value", 1)), "amount"));
        add(cases, "number for currency", Hostile.invalid(s, sale(newCustomerId()).put("currency", 156), "currency"));

        // huge
        add(cases, "1 MB content", Hostile.invalid(f, followUp(newCustomerId()).put("content", "长".repeat(350_000)), "content"));
        add(cases, "1 MB customerName", Hostile.invalid(f, followUp(newCustomerId()).put("customerName", "x".repeat(1 << 20)),
                "customerName"));
        add(cases, "10,000 tags", Hostile.invalid(f, with(followUp(newCustomerId()), n -> {
            ArrayNode tags = n.putArray("tags");
            IntStream.range(0, 10_000).forEach(i -> tags.add("t" + i));
            return n;
        }), "tags"));
        add(cases, MAX_RECORDS + 1 + " records, one over the limit", Hostile.post(f, JSON, Stream.generate(() -> followUp(newCustomerId()))
                .limit(MAX_RECORDS + 1).collect(Json.MAPPER::createArrayNode, ArrayNode::add, ArrayNode::addAll).toString(),
                413, null, null));
        add(cases, "3 MB body over the 2 MB limit", new Hostile("POST", f, JSON,
                BodyPublishers.ofByteArray(("[" + (valid + ",").repeat(3 * 1024 * 1024 / valid.length()) + valid + "]")
                        .getBytes(StandardCharsets.UTF_8)), 413, null, null));

        // values outside the contract
        add(cases, "unknown stage", Hostile.invalid(f, followUp(newCustomerId()).put("stage", "NEGOTIATION"), "stage"));
        add(cases, "unknown channel", Hostile.invalid(f, followUp(newCustomerId()).put("channel", "FAX"), "channel"));
        add(cases, "LOST without lostReason", Hostile.invalid(f, followUp(newCustomerId()).put("stage", "LOST"), "lostReason"));
        add(cases, "no contact at all", Hostile.invalid(f, followUp(newCustomerId()).without("phone"), "phone"));
        add(cases, "occurredAt in 1989", Hostile.invalid(f, followUp(newCustomerId()).put("occurredAt", "1989-12-31T23:59:59+08:00"),
                "occurredAt"));
        add(cases, "occurredAt six minutes ahead", Hostile.invalid(f, followUp(newCustomerId())
                .put("occurredAt", Instant.now().plus(6, ChronoUnit.MINUTES).toString()), "occurredAt"));
        add(cases, "sale occurredAt a day ahead", Hostile.invalid(s, sale(newCustomerId())
                .put("occurredAt", Instant.now().plus(1, ChronoUnit.DAYS).toString()), "occurredAt"));
        add(cases, "nextFollowUpAt before occurredAt", Hostile.invalid(f, followUp(newCustomerId())
                .put("nextFollowUpAt", "2025-06-01T09:00:00+08:00"), "nextFollowUpAt"));
        add(cases, "nextFollowUpAt in year 999999999", Hostile.invalid(f, followUp(newCustomerId())
                .put("nextFollowUpAt", "+999999999-12-31T23:59:59Z"), "nextFollowUpAt"));
        add(cases, "eventId not a UUID", Hostile.invalid(f, followUp(newCustomerId()).put("eventId", "not-a-uuid"), "eventId"));
        add(cases, "eventId without dashes", Hostile.invalid(f, followUp(newCustomerId())
                .put("eventId", "3f2b7c1e0d4a4c559a7e2b1f6e0c9d11"), "eventId"));
        add(cases, "negative amount", Hostile.invalid(s, sale(newCustomerId()).put("amount", -1), "amount"));
        add(cases, "zero amount", Hostile.invalid(s, sale(newCustomerId()).put("amount", "0.00"), "amount"));
        add(cases, "amount with five decimals", Hostile.invalid(s, sale(newCustomerId()).put("amount", "0.00001"), "amount"));
        add(cases, "amount of 10^12", Hostile.invalid(s, sale(newCustomerId()).put("amount", "1e12"), "amount"));
        add(cases, "unknown currency XYZ", Hostile.invalid(s, sale(newCustomerId()).put("currency", "XYZ"), "currency"));
        add(cases, "RMB, the name and not the code", Hostile.invalid(s, sale(newCustomerId()).put("currency", "RMB"), "currency"));

        // characters a field may not hold (content may hold line breaks and tabs, see the accepted cases)
        add(cases, "NUL in customerId", Hostile.invalid(f, followUp(newCustomerId()).put("customerId", "C-1\u0000"), "customerId"));
        add(cases, "NUL in content", Hostile.invalid(f, followUp(newCustomerId()).put("content", "电话\u0000沟通"), "content"));
        add(cases, "BEL in customerName", Hostile.invalid(f, followUp(newCustomerId()).put("customerName", "王\u0007芳"), "customerName"));
        add(cases, "line break in repId", Hostile.invalid(f, followUp(newCustomerId()).put("repId", "rep-7\nrep-8"), "repId"));
        add(cases, "U+202E RTL override in customerId", Hostile.invalid(f, followUp(newCustomerId())
                .put("customerId", "C-1\u202Egnp.exe"), "customerId"));
        add(cases, "U+202E RTL override in product", Hostile.invalid(s, sale(newCustomerId())
                .put("product", "年费\u202E"), "product"));
        add(cases, "unpaired surrogate in content", Hostile.post(f, JSON,
                followUp(newCustomerId()).put("content", "PLACEHOLDER").toString().replace("PLACEHOLDER", "\\ud83d"),
                400, "content", null));

        // SQL and script injection where a field has a shape: refused there, naming the field
        for (String text : List.of(SQL, SCRIPT)) {
            for (String field : SHAPED_FOLLOW_UP_FIELDS) {
                add(cases, field + " = " + text, Hostile.invalid(f, followUp(newCustomerId()).put(field, text), field));
            }
            for (String field : SHAPED_SALE_FIELDS) {
                add(cases, "sale " + field + " = " + text, Hostile.invalid(s, sale(newCustomerId()).put(field, text), field));
            }
        }

        // content types and methods the endpoints do not take
        for (String type : new String[] {"text/plain", "multipart/form-data; boundary=x", "application/xml", null}) {
            add(cases, "Content-Type " + type, new Hostile("POST", f, type, BodyPublishers.ofString(valid), 415, null, null));
        }
        // an INGEST caller may use any method on the API, so a wrong one is answered by Spring MVC: 405 with
        // problem+json, and nothing written
        for (String method : new String[] {"GET", "PUT", "DELETE", "PATCH"}) {
            for (String path : new String[] {f, s}) {
                add(cases, method + " " + path, new Hostile(method, path, JSON, BodyPublishers.ofString(valid), 405, null, null));
            }
        }
        return cases.stream();
    }

    /** Injection strings, emoji and mixed scripts in every field that takes free text: accepted and delivered intact. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedAsData")
    @Order(1)
    void shouldAcceptTextAsDataAndDeliverItByteForByte(String topic, List<ObjectNode> records) {
        // given every record carries its own eventId
        ArrayNode batch = Json.MAPPER.createArrayNode();
        records.forEach(batch::add);

        // when
        HttpResponse<String> response = stack.ingest().post(topic.equals(SALES) ? "/api/v1/sales" : "/api/v1/followups", JSON,
                batch.toString());

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        List<ConsumerRecord<String, String>> written = topics.arrivals();
        assertThat(written).hasSize(records.size()).allSatisfy(r -> assertThat(r.topic()).isEqualTo(topic));
        for (ObjectNode sent : records) {
            ConsumerRecord<String, String> record = written.stream()
                    .filter(r -> value(r).get("eventId").asString().equals(sent.get("eventId").asString()))
                    .findFirst().orElseThrow();
            assertThat(record.key()).isEqualTo(sent.get("customerId").asString());
            JsonNode value = value(record);
            for (Map.Entry<String, JsonNode> field : sent.properties()) {
                if (field.getValue().isString() && !field.getKey().equals("occurredAt") && !field.getKey().equals("amount")) {
                    assertThat(value.get(field.getKey()).asString()).as(field.getKey()).isEqualTo(field.getValue().asString());
                }
            }
        }
    }

    static Stream<Arguments> acceptedAsData() {
        List<Arguments> cases = new ArrayList<>();
        for (String text : List.of(SQL, SCRIPT, "\" OR \"1\"=\"1", "../../etc/passwd", "=HYPERLINK(\"http://x\")")) {
            cases.add(Arguments.of(Named.of("follow-ups with " + text + " in every free-text field", FOLLOWUPS),
                    FREE_FOLLOW_UP_FIELDS.stream().map(field -> identified(followUp(newCustomerId()).put(field, text))).toList()));
            cases.add(Arguments.of(Named.of("sales with " + text + " in every free-text field", SALES),
                    FREE_SALE_FIELDS.stream().map(field -> identified(sale(newCustomerId()).put(field, text))).toList()));
        }
        ObjectNode mixed = identified(followUp("客户-😀-Ωμέγα-" + UUID.randomUUID().toString().substring(0, 8))
                .put("customerName", "王芳 Fang 👩🏻‍💼 مرحبا")
                .put("company", "杭州🔥科技 ООО «Ромашка»")
                .put("repName", "李娜 Лина שלום")
                .put("content", "客户说 \u202Eمرحبا\u202C 然后挂了 📞\n第二行\t制表"));
        mixed.putArray("tags").add("🔥".repeat(50)).add("华东");
        cases.add(Arguments.of(Named.of("emoji, mixed scripts, line breaks and a bidi override in content", FOLLOWUPS),
                List.of(mixed)));
        cases.add(Arguments.of(Named.of("a sale in emoji and Cyrillic", SALES),
                List.of(identified(sale("Клиент-🐼-" + UUID.randomUUID().toString().substring(0, 8)).put("product", "企业版 🚀 Премиум")))));
        return cases.stream();
    }

    @Test
    @Order(1)
    void shouldKeepTheLastOfDuplicateKeysAndWriteOnlyTheCanonicalRecord() {
        // given Jackson does not refuse duplicate keys: the last one wins, and ingest writes the record it
        // validated, not the body, so no reader can ever see the other customerId
        String first = newCustomerId();
        String last = newCustomerId();
        String eventId = UUID.randomUUID().toString();
        String body = followUp(first).put("eventId", eventId).toString().replace("\"customerId\":\"" + first + "\"",
                "\"customerId\":\"" + first + "\",\"customerId\":\"" + last + "\"");
        assertThat(body).contains(first).contains(last);

        // when
        HttpResponse<String> response = stack.ingest().post("/api/v1/followups", JSON, body);

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        List<ConsumerRecord<String, String>> written = topics.arrivals();
        assertThat(written).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(last);
            assertThat(r.value()).doesNotContain(first).containsOnlyOnce("\"customerId\"");
            assertThat(value(r).get("eventId").asString()).isEqualTo(eventId);
        });
    }

    @Test
    @Order(2)
    void shouldStillAnswerHealthUpAfterTheWholeCorpus() {
        HttpResponse<String> health = stack.ingest().get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).get("status").asString()).isEqualTo("UP");
        // and still accepts a plain record
        assertThat(stack.ingest().post("/api/v1/followups", JSON, followUp(newCustomerId()).toString()).statusCode()).isEqualTo(202);
    }

    private static void add(List<Arguments> cases, String name, Hostile request) {
        cases.add(Arguments.of(Named.of(name, request)));
    }

    private static ObjectNode with(ObjectNode node, UnaryOperator<ObjectNode> change) {
        return change.apply(node);
    }

    private static ObjectNode identified(ObjectNode node) {
        return node.put("eventId", UUID.randomUUID().toString());
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] c = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(middle, 0, all, a.length, middle.length);
        System.arraycopy(c, 0, all, a.length + middle.length, c.length);
        return all;
    }

    private static JsonNode value(ConsumerRecord<String, String> record) {
        return Json.MAPPER.readTree(record.value());
    }
}
