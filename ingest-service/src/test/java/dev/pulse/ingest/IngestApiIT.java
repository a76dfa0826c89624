package dev.pulse.ingest;

import static dev.pulse.ingest.IngestStack.FOLLOWUPS;
import static dev.pulse.ingest.IngestStack.SALES;
import static dev.pulse.ingest.RunningIngest.JSON;
import static dev.pulse.ingest.RunningIngest.NDJSON;
import static dev.pulse.ingest.RunningIngest.PROBLEM_JSON;
import static dev.pulse.ingest.RunningIngest.contentType;
import static dev.pulse.ingest.RunningIngest.json;
import static dev.pulse.ingest.Samples.array;
import static dev.pulse.ingest.Samples.followUp;
import static dev.pulse.ingest.Samples.newCustomerId;
import static dev.pulse.ingest.Samples.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.pulse.events.Json;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ingest HTTP contract against a real Kafka broker: what each request is answered, and what
 * a read_committed reader then finds on the topic, down to "nothing at all".
 */
class IngestApiIT {


    @RegisterExtension
    static final IngestStack stack = new IngestStack(3);

    @Test
    void shouldWriteASingleFollowUpKeyedByCustomerIdWithTheClientsEventIdAndEveryFieldIntact() {
        // given a follow-up in Chinese with every optional field, its eventId chosen by the client
        String customerId = newCustomerId();
        UUID eventId = UUID.randomUUID();
        ObjectNode sent = followUp(customerId)
                .put("eventId", eventId.toString())
                .put("customerName", "张伟")
                .put("email", "zhang.wei@example.cn")
                .put("wechat", "zhangwei_88")
                .put("company", "杭州云帆科技有限公司")
                .put("position", "采购总监")
                .put("repName", "李娜")
                .put("teamId", "east-1")
                .put("channel", "MEETING")
                .put("content", "客户对报价基本满意，\n希望下周安排产品演示。")
                .put("stage", "PROPOSAL")
                .put("result", "同意试用一个月")
                .put("nextFollowUpAt", "2025-06-10T10:00:00+08:00")
                .put("level", "A")
                .put("source", "展会");
        sent.putArray("tags").add("重点客户").add("华东");

        // when
        HttpResponse<String> response = stack.ingest().post("/api/v1/followups", JSON, sent.toString());

        // then
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response).get("accepted").asInt()).isEqualTo(1);
        assertThat(eventIds(json(response))).containsExactly(eventId.toString());

        List<ConsumerRecord<String, String>> written = committedFor(FOLLOWUPS, List.of(customerId));
        assertThat(written).hasSize(1);
        assertThat(written.getFirst().key()).isEqualTo(customerId);
        // times come back as UTC instants: 14:05 and 10:00 at +08:00 are 06:05 and 02:00 UTC
        ObjectNode expected = sent.deepCopy()
                .put("occurredAt", "2025-06-03T06:05:00Z")
                .put("nextFollowUpAt", "2025-06-10T02:00:00Z");
        assertThat(withoutNulls(value(written.getFirst()))).isEqualTo(expected);
    }

    @Test
    void shouldWriteAnArrayOfThreeInOrderAndGenerateTheEventIdsTheClientLeftOut() {
        // given three contacts with one customer, only the first carrying an eventId
        String customerId = newCustomerId();
        UUID suppliedId = UUID.randomUUID();
        ArrayNode batch = array(
                followUp(customerId).put("eventId", suppliedId.toString()).put("stage", "LEAD"),
                followUp(customerId).put("occurredAt", "2025-06-05T09:00:00+08:00").put("stage", "QUALIFIED"),
                followUp(customerId).put("occurredAt", "2025-06-09T15:30:00+08:00").put("stage", "PROPOSAL"));

        // when
        HttpResponse<String> response = stack.ingest().post("/api/v1/followups", JSON, batch.toString());

        // then
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response).get("accepted").asInt()).isEqualTo(3);
        List<String> ids = eventIds(json(response));
        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
        assertThat(ids.getFirst()).isEqualTo(suppliedId.toString());
        assertThat(ids.subList(1, 3)).allSatisfy(id -> assertThat(UUID.fromString(id)).hasToString(id));

        // one customer means one partition, so the topic keeps the order of the request
        List<ConsumerRecord<String, String>> written = committedFor(FOLLOWUPS, List.of(customerId));
        assertThat(written).extracting(r -> value(r).get("eventId").asString(), r -> value(r).get("stage").asString())
                .containsExactly(
                        tuple(ids.get(0), "LEAD"),
                        tuple(ids.get(1), "QUALIFIED"),
                        tuple(ids.get(2), "PROPOSAL"));
    }

    @Test
    void shouldWriteEveryLineOfAnNdjsonBody() {
        // given two follow-ups, one per line
        String first = newCustomerId();
        String second = newCustomerId();
        String body = followUp(first) + "\n" + followUp(second).put("channel", "WECHAT") + "\n";

        // when
        HttpResponse<String> response = stack.ingest().post("/api/v1/followups", NDJSON, body);

        // then
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response).get("accepted").asInt()).isEqualTo(2);
        List<String> ids = eventIds(json(response));
        assertThat(committedFor(FOLLOWUPS, List.of(first, second)))
                .extracting(ConsumerRecord::key, r -> value(r).get("eventId").asString(), r -> value(r).get("channel").asString())
                .containsExactlyInAnyOrder(
                        tuple(first, ids.get(0), "PHONE"),
                        tuple(second, ids.get(1), "WECHAT"));
    }

    @Test
    void shouldWriteASaleToTheSalesTopicWithCurrencyDefaultedToCny() {
        // given a sale that names no currency
        String customerId = newCustomerId();
        ObjectNode sent = sale(customerId);
        assertThat(sent.has("currency")).isFalse();

        // when
        HttpResponse<String> response = stack.ingest().post("/api/v1/sales", JSON, sent.toString());

        // then
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response).get("accepted").asInt()).isEqualTo(1);
        List<ConsumerRecord<String, String>> written = committedFor(SALES, List.of(customerId));
        assertThat(written).hasSize(1);
        ConsumerRecord<String, String> record = written.getFirst();
        assertThat(record.key()).isEqualTo(customerId);
        JsonNode value = value(record);
        assertThat(value.get("eventId").asString()).isEqualTo(eventIds(json(response)).getFirst());
        assertThat(value.get("orderId").asString()).isEqualTo(sent.get("orderId").asString());
        assertThat(value.get("product").asString()).isEqualTo("企业版年度订阅");
        assertThat(new BigDecimal(value.get("amount").asString())).isEqualByComparingTo("12800.50");
        assertThat(value.get("currency").asString()).isEqualTo("CNY");
        assertThat(value.get("occurredAt").asString()).isEqualTo("2025-06-20T08:30:00Z");
    }

    @Test
    void shouldRejectTheWholeBatchWithEveryErrorAndWriteNothingWhenAnyRecordIsInvalid() {
        // given a valid record, one without customerName and one sent by fax, which is no channel
        String valid = newCustomerId();
        String nameless = newCustomerId();
        String faxed = newCustomerId();
        ArrayNode batch = array(
                followUp(valid),
                followUp(nameless).without("customerName"),
                followUp(faxed).put("channel", "FAX"));

        // when
        HttpResponse<String> response = stack.ingest().post("/api/v1/followups", JSON, batch.toString());

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(contentType(response)).startsWith(PROBLEM_JSON);
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.has("eventIds")).isFalse();
        assertThat(problem.get("errors"))
                .extracting(e -> e.get("index").asInt(), e -> e.get("field").asString())
                .containsExactlyInAnyOrder(tuple(1, "customerName"), tuple(2, "channel"));
        assertThat(problem.get("errors")).allSatisfy(e -> assertThat(e.get("message").asString()).isNotBlank());
        assertThat(committedFor(FOLLOWUPS, List.of(valid, nameless, faxed))).isEmpty();
    }

    @Test
    void shouldAnswer400NamingTheProblemWhenTheBodyIsMalformedJson() {
        // given a body cut off in the middle of an object
        String body = "[{\"customerId\": \"" + newCustomerId() + "\", \"customerName\": ";

        // when
        HttpResponse<String> response = stack.ingest().post("/api/v1/followups", JSON, body);

        // then
        assertThat(messageOfTheOneErrorOfRecord0(response)).startsWith("malformed JSON");
    }

    @Test
    void shouldAnswer415AndWriteNothingWhenTheBodyIsNotDeclaredAsJson() {
        // given a valid follow-up sent as plain text
        String customerId = newCustomerId();

        // when
        HttpResponse<String> response = stack.ingest().post("/api/v1/followups", "text/plain", followUp(customerId).toString());

        // then
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(contentType(response)).startsWith(PROBLEM_JSON);
        assertThat(committedFor(FOLLOWUPS, List.of(customerId))).isEmpty();
    }

    @Test
    void shouldAnswer400WhenTheArrayHoldsNoRecords() {
        // when
        HttpResponse<String> response = stack.ingest().post("/api/v1/followups", JSON, "[]");

        // then
        assertThat(messageOfTheOneErrorOfRecord0(response)).contains("no records");
    }

    @Test
    void shouldDescribeTheIngestEndpointsInOpenApi() {
        // when
        HttpResponse<String> response = stack.ingest().get("/v3/api-docs");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(contentType(response)).startsWith(JSON);
        assertThat(json(response).get("paths").propertyNames()).contains("/api/v1/followups", "/api/v1/sales");
    }

    @Test
    void shouldCountAcceptedFollowUpsInPrometheus() {
        // given the count so far (other tests of this class accept follow-ups too)
        double before = acceptedFollowUps();
        String customerId = newCustomerId();

        // when two follow-ups are accepted
        HttpResponse<String> response = stack.ingest().post("/api/v1/followups", JSON,
                array(followUp(customerId), followUp(customerId).put("stage", "PROPOSAL")).toString());

        // then
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(acceptedFollowUps()).isEqualTo(before + 2);
    }

    /** The same service with a 1 KB body limit: refused bodies are never read to the end, nor written. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WithABodyLimitOf1Kb {

        private static final int LIMIT = 1024;

        private RunningIngest small;

        @BeforeAll
        void startService() {
            small = RunningIngest.start(
                    "pulse.kafka.bootstrap-servers=" + stack.bootstrapServers(),
                    "pulse.ingest.max-body=1KB");
        }

        @AfterAll
        void stopService() {
            if (small != null) {
                small.close();
            }
        }

        @Test
        void shouldAcceptABodyUnderTheLimit() {
            // given
            byte[] body = followUp(newCustomerId()).toString().getBytes(StandardCharsets.UTF_8);
            assertThat(body.length).isLessThan(LIMIT);

            // when
            HttpResponse<String> response = small.post("/api/v1/followups", JSON, BodyPublishers.ofByteArray(body));

            // then
            assertThat(response.statusCode()).isEqualTo(202);
        }

        @Test
        void shouldAnswer413AndWriteNothingWhenTheDeclaredContentLengthExceedsTheLimit() {
            // given valid follow-ups that together are too large
            String customerId = newCustomerId();
            byte[] body = oversizedBatch(customerId);

            // when sent with a Content-Length header
            HttpResponse<String> response = small.post("/api/v1/followups", JSON, BodyPublishers.ofByteArray(body));

            // then
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(contentType(response)).startsWith(PROBLEM_JSON);
            assertThat(committedFor(FOLLOWUPS, List.of(customerId))).isEmpty();
        }

        @Test
        void shouldAnswer413AndWriteNothingWhenAChunkedBodyExceedsTheLimit() {
            // given valid follow-ups that together are too large
            String customerId = newCustomerId();
            byte[] body = oversizedBatch(customerId);

            // when sent without a length: a body publisher of unknown length goes out chunked on HTTP/1.1
            HttpResponse<String> response = small.post("/api/v1/followups", JSON,
                    BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

            // then
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(contentType(response)).startsWith(PROBLEM_JSON);
            assertThat(committedFor(FOLLOWUPS, List.of(customerId))).isEmpty();
        }

        /** Forty valid follow-ups: several times the limit, so only the size can be refused. */
        private static byte[] oversizedBatch(String customerId) {
            ArrayNode batch = array();
            for (int i = 0; i < 40; i++) {
                batch.add(followUp(customerId));
            }
            byte[] body = batch.toString().getBytes(StandardCharsets.UTF_8);
            assertThat(body.length).isGreaterThan(4 * LIMIT);
            return body;
        }
    }

    /**
     * Everything committed to {@code topic} for these customers, proven complete rather than
     * waited for: afterwards one marker per customer goes through the API. A marker lands on the
     * partition of its key, behind anything written for that customer before it, so once every
     * marker has been read nothing written earlier can still be missing.
     */
    private static List<ConsumerRecord<String, String>> committedFor(String topic, Collection<String> customerIds) {
        ArrayNode markers = array();
        Set<String> markerIds = new HashSet<>();
        for (String customerId : customerIds) {
            UUID markerId = UUID.randomUUID();
            markerIds.add(markerId.toString());
            ObjectNode marker = topic.equals(SALES) ? sale(customerId) : followUp(customerId);
            markers.add(marker.put("eventId", markerId.toString()));
        }
        HttpResponse<String> sent = stack.ingest().post(topic.equals(SALES) ? "/api/v1/sales" : "/api/v1/followups",
                JSON, markers.toString());
        assertThat(sent.statusCode()).as("marker request: %s", sent.body()).isEqualTo(202);

        List<ConsumerRecord<String, String>> read = CommittedRecords.readUntil(stack.bootstrapServers(), topic,
                records -> records.stream().filter(r -> markerIds.contains(value(r).get("eventId").asString()))
                        .count() == markerIds.size(),
                Duration.ofSeconds(20));
        List<ConsumerRecord<String, String>> forCustomers = new ArrayList<>();
        for (ConsumerRecord<String, String> record : read) {
            if (customerIds.contains(record.key()) && !markerIds.contains(value(record).get("eventId").asString())) {
                forCustomers.add(record);
            }
        }
        return forCustomers;
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WhoMayPost {

        @Test
        void shouldRefuseARequestWithoutAToken() {
            HttpResponse<String> response = stack.ingest().post("/api/v1/followups", JSON,
                    BodyPublishers.ofString(followUp(newCustomerId()).toString()), null);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(contentType(response)).startsWith(PROBLEM_JSON);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        }

        @Test
        void shouldRefuseAnUnknownTokenAndAMalformedHeader() {
            for (String authorization : List.of("Bearer not-a-pulse-token", "Bearer ", "Basic YWRtaW46YWRtaW4=",
                    "Bearer " + RunningIngest.INGEST_TOKEN + "x")) {
                HttpResponse<String> response = stack.ingest().post("/api/v1/followups", JSON,
                        BodyPublishers.ofString(followUp(newCustomerId()).toString()), authorization);

                assertThat(response.statusCode()).as(authorization).isEqualTo(401);
            }
        }

        @Test
        void shouldForbidARoleThatMayOnlyReadAndWriteNothing() {
            String customerId = newCustomerId();
            HttpResponse<String> refused = stack.ingest().post("/api/v1/followups", JSON,
                    BodyPublishers.ofString(followUp(customerId).toString()), "Bearer " + RunningIngest.BI_TOKEN);

            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(json(refused).get("title").asString()).isEqualTo("Forbidden");
            assertThat(committedFor(FOLLOWUPS, Set.of(customerId))).isEmpty();
        }

        @Test
        void shouldAcceptTheAdminTokenAndTheSchemeInAnyCase() {
            HttpResponse<String> response = stack.ingest().post("/api/v1/followups", JSON,
                    BodyPublishers.ofString(followUp(newCustomerId()).toString()), "bearer " + RunningIngest.ADMIN_TOKEN);

            assertThat(response.statusCode()).isEqualTo(202);
        }

        @Test
        void shouldKeepHealthOpenAndMetricsForAdminsOnly() {
            assertThat(stack.ingest().post("/actuator/health", JSON, BodyPublishers.noBody(), null).statusCode()).isNotEqualTo(401);
            HttpResponse<String> metricsAsIngest = stack.ingest().post("/actuator/prometheus", JSON, BodyPublishers.noBody(),
                    "Bearer " + RunningIngest.INGEST_TOKEN);
            assertThat(metricsAsIngest.statusCode()).isEqualTo(403);
        }
    }

    private static JsonNode value(ConsumerRecord<String, String> record) {
        return Json.MAPPER.readTree(record.value());
    }

    private static ObjectNode withoutNulls(JsonNode value) {
        ObjectNode copy = (ObjectNode) value.deepCopy();
        value.properties().stream().filter(p -> p.getValue().isNull()).forEach(p -> copy.remove(p.getKey()));
        return copy;
    }

    private static List<String> eventIds(JsonNode accepted) {
        return accepted.get("eventIds").valueStream().map(JsonNode::asString).toList();
    }

    private static final Pattern ACCEPTED_FOLLOWUPS =
            Pattern.compile("(?m)^pulse_ingest_accepted_total\\{[^}]*type=\"followup\"[^}]*} (\\S+)$");

    /** The accepted-follow-ups counter as Prometheus scrapes it; absent until the first acceptance. */
    private static double acceptedFollowUps() {
        HttpResponse<String> scrape = stack.ingest().get("/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        Matcher counter = ACCEPTED_FOLLOWUPS.matcher(scrape.body());
        return counter.find() ? Double.parseDouble(counter.group(1)) : 0;
    }

    /** The message of a 400 problem that names exactly one error, of the first record: a body refused as a whole. */
    private static String messageOfTheOneErrorOfRecord0(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(contentType(response)).startsWith(PROBLEM_JSON);
        JsonNode errors = json(response).get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("index").asInt()).isZero();
        return errors.get(0).get("message").asString();
    }
}
