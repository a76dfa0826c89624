package dev.pulse.ingest;

import static dev.pulse.ingest.RunningIngest.INGEST_TOKEN;
import static dev.pulse.ingest.RunningIngest.JSON;
import static dev.pulse.ingest.RunningIngest.NDJSON;
import static dev.pulse.ingest.RunningIngest.contentType;
import static dev.pulse.ingest.RunningIngest.json;
import static dev.pulse.ingest.Samples.array;
import static dev.pulse.ingest.Samples.followUp;
import static dev.pulse.ingest.Samples.newCustomerId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.pulse.testsupport.Refusal;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17, defect 4: every refusal of ingest carries a stable code and its text in the language
 * of the request's Accept-Language (zh* Chinese, anything else or nothing English), in the shape
 * clients already read.
 */
class LocalizedErrorsIT {

    private static final String FOLLOWUPS = "/api/v1/followups";
    private static final String BEARER = "Bearer " + INGEST_TOKEN;
    private static final int MAX_RECORDS = 5;

    @RegisterExtension
    static final IngestStack stack = new IngestStack(1, "pulse.ingest.max-records=" + MAX_RECORDS);

    /** A follow-up with no way to reach the customer and no customer name: two errors of record 0. */
    private static String badFollowUp() {
        return followUp(newCustomerId()).without("phone").without("customerName").toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            zh-CN,zh;q=0.9,en;q=0.8 | 未写入任何记录：请求中有 2 处错误。                      | 客户姓名必填 | 电话、邮箱、微信至少填一项
            en                      | No record was written: 2 error(s) in the request. | is required  | at least one of phone, email or wechat is required
            """)
    void shouldRefuseABadFollowUpInTheAskedLanguage(String acceptLanguage, String detail, String nameMessage,
                                                    String phoneMessage) {
        // when
        HttpResponse<String> response = stack.ingest().request("POST", FOLLOWUPS, JSON, badFollowUp(), BEARER,
                acceptLanguage);

        // then
        assertThat(Refusal.of(response)).isEqualTo(new Refusal(400, "PULSE-I009", detail));
        assertThat(contentType(response)).startsWith("application/problem+json");
        assertThat(json(response).get("errors"))
                .extracting(e -> e.get("index").asInt(), e -> e.get("field").asString(), e -> e.get("code").asString(),
                        e -> e.get("message").asString())
                .containsExactlyInAnyOrder(
                        tuple(0, "customerName", "PULSE-V001", nameMessage),
                        tuple(0, "phone", "PULSE-V015", phoneMessage));
    }

    @Test
    void shouldAnswerInEnglishWhenNoLanguageOrAnotherIsAsked() {
        for (String header : new String[] {null, "fr-FR", "*"}) {
            HttpResponse<String> response = stack.ingest().request("POST", FOLLOWUPS, JSON, badFollowUp(), BEARER, header);

            assertThat(json(response).get("detail").asString()).as(header)
                    .isEqualTo("No record was written: 2 error(s) in the request.");
        }
    }

    @Test
    void shouldNameABrokenNdjsonLineInChinese() {
        // given a valid line, then a line cut off
        String body = followUp(newCustomerId()) + "\n{\"customerId\": \n";

        // when
        HttpResponse<String> response = stack.ingest().request("POST", FOLLOWUPS, NDJSON, body, BEARER, "zh");

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response).get("errors").get(0);
        assertThat(error.get("index").asInt()).isEqualTo(1);
        assertThat(error.get("code").asString()).isEqualTo("PULSE-I005");
        assertThat(error.get("message").asString()).startsWith("JSON 格式错误：");
    }

    @Test
    void shouldRefuseTooManyRecordsWithACodeInBothLanguages() {
        // given one record over the limit
        String body = array(Stream.generate(() -> followUp(newCustomerId())).limit(MAX_RECORDS + 1).toArray(
                tools.jackson.databind.node.ObjectNode[]::new)).toString();

        // when
        JsonNode zh = json(stack.ingest().request("POST", FOLLOWUPS, JSON, body, BEARER, "zh-CN"));
        JsonNode en = json(stack.ingest().request("POST", FOLLOWUPS, JSON, body, BEARER, "en-US"));

        // then
        assertThat(zh.get("status").asInt()).isEqualTo(413);
        assertThat(zh.get("code").asString()).isEqualTo("PULSE-I008");
        assertThat(zh.get("detail").asString()).isEqualTo("6 条记录超过每次请求 5 条的上限");
        assertThat(en.get("detail").asString()).isEqualTo("6 records exceed the limit of 5 per request");
    }

    @Test
    void shouldRefuseAMissingTokenInChinese() {
        // when
        HttpResponse<String> response = stack.ingest().request("POST", FOLLOWUPS, JSON, badFollowUp(), null, "zh-CN");

        // then
        assertThat(Refusal.of(response)).isEqualTo(new Refusal(401, "PULSE-A001", "请发送 Authorization: Bearer <token>，或先登录。"));
        assertThat(json(response).get("title").asString()).isEqualTo("Authentication required");
    }

    @Test
    void shouldRefuseAnUnknownTokenInEnglish() {
        // when
        HttpResponse<String> response = stack.ingest().request("POST", FOLLOWUPS, JSON, badFollowUp(), "Bearer nope", "en");

        // then
        assertThat(Refusal.of(response)).isEqualTo(new Refusal(401, "PULSE-A002", "The bearer token is unknown or has been revoked."));
    }

    @Test
    void shouldGiveSpringsOwnRefusalsACodeAndAChineseText() {
        // when
        HttpResponse<String> unsupported = stack.ingest().request("POST", FOLLOWUPS, "text/plain", badFollowUp(), BEARER, "zh-CN");
        HttpResponse<String> wrongMethod = stack.ingest().request("PUT", FOLLOWUPS, JSON, badFollowUp(), BEARER, "zh-CN");
        HttpResponse<String> wrongMethodEn = stack.ingest().request("PUT", FOLLOWUPS, JSON, badFollowUp(), BEARER, null);

        // then
        assertThat(Refusal.of(unsupported)).isEqualTo(new Refusal(415, "PULSE-H006", "不支持的 Content-Type“text/plain”。"));
        assertThat(Refusal.of(wrongMethod)).isEqualTo(new Refusal(405, "PULSE-H004", "不支持 PUT 方法。"));
        assertThat(json(wrongMethodEn).get("detail").asString()).isEqualTo("Method 'PUT' is not supported.");
    }
}
