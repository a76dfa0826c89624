package dev.pulse.events.validation;

import dev.pulse.events.messages.MessageCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.pulse.events.Channel;
import dev.pulse.events.FollowUp;
import dev.pulse.events.Json;
import dev.pulse.events.Pipeline;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

class FollowUpValidatorTest extends EventValidatorContract<FollowUp> {

    /** Its "now" is {@link TestValidators#NOW}, 2026-11-24T04:00:00Z: every future/past rule below is measured from there. */
    FollowUpValidatorTest() {
        super(TestValidators.followUps()::validate, FollowUpValidator.forRecorded(Pipeline.defaults())::validate);
    }

    /** The smallest follow-up the contract accepts: every required field and one contact. */
    @Override
    ObjectNode minimal() {
        return (ObjectNode) Json.MAPPER.readTree("""
                {"customerId": "C-1001",
                 "customerName": "张三",
                 "phone": "13800138000",
                 "repId": "R-7",
                 "occurredAt": "2026-11-24T11:00:00+08:00",
                 "channel": "PHONE",
                 "content": "电话沟通需求",
                 "stage": "LEAD"}
                """);
    }

    /** An accessor of the validated follow-up, typed for a parameter list. */
    private static Function<FollowUp, Object> read(Function<FollowUp, Object> accessor) {
        return accessor;
    }

    @Test
    void shouldAcceptAMinimalFollowUp() {
        // given
        ObjectNode record = minimal();

        // when
        Validated<FollowUp> result = validate(record, 0);

        // then
        assertThat(result.isValid()).isTrue();
        assertThat(result.errors()).isEmpty();
        FollowUp followUp = result.value();
        assertThat(followUp.customerId()).isEqualTo("C-1001");
        assertThat(followUp.customerName()).isEqualTo("张三");
        assertThat(followUp.occurredAt()).isEqualTo(Instant.parse("2026-11-24T03:00:00Z"));
        assertThat(followUp.channel()).isEqualTo(Channel.PHONE);
        assertThat(followUp.stage()).isEqualTo("LEAD");
        // a missing eventId stays null: ingest assigns one, the processor refuses the record
        assertThat(followUp.eventId()).isNull();
        assertThat(followUp.teamId()).isNull();
        assertThat(followUp.tags()).isNull();
    }

    @Test
    void shouldAcceptEveryOptionalFieldAndNormaliseCodes() {
        // given
        ObjectNode record = minimal();
        record.put("eventId", "3f2b7c1e-0d4a-4c55-9a7e-2b1f6e0c9d11");
        record.put("email", "Zhang.San@Example.CN");
        record.put("wechat", "zhangsan_wx");
        record.put("company", "上海星辰科技有限公司");
        record.put("position", "采购总监");
        record.put("repName", "李四");
        record.put("teamId", "T-EAST");
        record.put("channel", "wechat");
        record.put("stage", "qualified");
        record.put("result", "有意向");
        record.put("nextFollowUpAt", "2026-11-30T10:00:00+08:00");
        record.putArray("tags").add("重点客户").add("华东");
        record.put("level", "b");
        record.put("source", "展会");

        // when
        Validated<FollowUp> result = validate(record, 0);

        // then
        assertThat(result.errors()).isEmpty();
        FollowUp followUp = result.value();
        assertThat(followUp.eventId()).isEqualTo(UUID.fromString("3f2b7c1e-0d4a-4c55-9a7e-2b1f6e0c9d11"));
        assertThat(followUp.email()).isEqualTo("zhang.san@example.cn");
        assertThat(followUp.channel()).isEqualTo(Channel.WECHAT);
        assertThat(followUp.stage()).isEqualTo("QUALIFIED");
        assertThat(followUp.level()).isEqualTo("B");
        assertThat(followUp.tags()).containsExactly("重点客户", "华东");
        assertThat(followUp.nextFollowUpAt()).isEqualTo(Instant.parse("2026-11-30T02:00:00Z"));
    }

    /** What a follow-up must give, for the contract's missing-field test. */
    static Stream<String> requiredFields() {
        return Stream.of("customerId", "customerName", "repId", "occurredAt", "channel", "content", "stage");
    }

    @ParameterizedTest
    @ValueSource(strings = {"customerId", "customerName", "repId", "content", "stage"})
    void shouldTreatABlankRequiredFieldAsMissing(String field) {
        // when
        Validated<FollowUp> result = validate(minimalWith(field, "   "), 2);

        // then
        assertThat(result.errors()).containsExactly(new FieldError(2, field, MessageCode.REQUIRED));
    }

    @Test
    void shouldRequireAtLeastOneOfPhoneEmailOrWechat() {
        // given
        ObjectNode record = minimal();
        record.remove("phone");

        // when
        Validated<FollowUp> result = validate(record, 0);

        // then
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.index()).isZero();
            assertThat(error.field()).isEqualTo("phone");
            assertThat(error.message()).contains("phone", "email", "wechat");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"email:li.si@example.com", "wechat:lisi_88", "phone:+86 (21) 5555-0101"})
    void shouldAcceptAnySingleContact(String contact) {
        // given
        String[] fieldAndValue = contact.split(":", 2);
        ObjectNode record = minimal();
        record.remove("phone");
        record.put(fieldAndValue[0], fieldAndValue[1]);

        // when
        Validated<FollowUp> result = validate(record, 0);

        // then
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void shouldRejectMalformedPhoneAndEmail() {
        // when
        Validated<FollowUp> result = validate(minimal().put("phone", "call me").put("email", "zhangsan.example.cn"), 0);

        // then
        assertThat(result.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("phone", "email");
    }

    /**
     * One field of the minimal follow-up set to a value that breaks one rule, and the one error that
     * must name it; the first column says which rule.
     */
    static Stream<Arguments> oneRuleBroken() {
        return Stream.of(
                arguments("a number where text is expected", "customerId", 1001,
                        new FieldError(0, "customerId", MessageCode.NOT_A_STRING)),
                arguments("tags that are not a list of strings", "tags", "重点客户",
                        new FieldError(0, "tags", MessageCode.NOT_AN_ARRAY)),
                // 1990-01-01T07:59:59+08:00 is 1989-12-31T23:59:59Z, one second too early
                arguments("an occurredAt before 1990", "occurredAt", "1990-01-01T07:59:59+08:00",
                        new FieldError(0, "occurredAt", MessageCode.BEFORE_1990)),
                arguments("a line break inside an id", "repId", "R-7\nR-8",
                        new FieldError(0, "repId", MessageCode.CONTROL_CHARACTERS)),
                arguments("other control characters in content", "content", "电话\u0000沟通",
                        new FieldError(0, "content", MessageCode.CONTROL_CHARACTERS)),
                arguments("an id longer than 64 characters", "customerId", "C".repeat(65),
                        new FieldError(0, "customerId", MessageCode.TOO_LONG, 64)),
                arguments("content longer than 10000 characters", "content", "跟".repeat(10_001),
                        new FieldError(0, "content", MessageCode.TOO_LONG, 10000)),
                arguments("a customer name longer than 200 characters", "customerName", "张".repeat(201),
                        new FieldError(0, "customerName", MessageCode.TOO_LONG, 200)));
    }

    /** One field of the minimal follow-up set to a value just inside a rule's limit, and what the follow-up then holds. */
    static Stream<Arguments> justInsideTheLimit() {
        return Stream.of(
                arguments("an old import from the first instant of 1990", "occurredAt", "1990-01-01T00:00:00Z",
                        read(FollowUp::occurredAt), Instant.parse("1990-01-01T00:00:00Z")),
                // occurredAt is 2026-11-24T03:00:00Z
                arguments("a next follow-up one minute after occurredAt", "nextFollowUpAt", "2026-11-24T03:01:00Z",
                        read(FollowUp::nextFollowUpAt), Instant.parse("2026-11-24T03:01:00Z")),
                arguments("a next follow-up exactly ten years after occurredAt", "nextFollowUpAt",
                        "2036-11-24T11:00:00+08:00", read(FollowUp::nextFollowUpAt), Instant.parse("2036-11-24T03:00:00Z")),
                arguments("line breaks and tabs kept in content", "content", "1. 介绍产品\n2. 客户提问：\t价格\r\n3. 约下次演示",
                        read(FollowUp::content), "1. 介绍产品\n2. 客户提问：\t价格\r\n3. 约下次演示"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("justInsideTheLimit")
    void shouldAcceptAFieldJustInsideARulesLimitAsGiven(String limit, String field, Object value,
            Function<FollowUp, Object> held, Object expected) {
        // when
        Validated<FollowUp> result = validate(minimalWith(field, value), 0);

        // then
        assertThat(result.errors()).isEmpty();
        assertThat(held.apply(result.value())).isEqualTo(expected);
    }

    /** A code outside its list, and codes the error must list so the sender can pick one. */
    static Stream<Arguments> unknownCode() {
        return Stream.of(
                arguments("channel", "FAX", new String[] {"PHONE", "WECHAT", "VISIT"}),
                arguments("stage", "NEGOTIATION", new String[] {"LEAD", "WON", "LOST"}));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("unknownCode")
    void shouldRejectAnUnknownChannelOrAStageOutsideThePipelineListingTheKnownOnes(String field, String value,
            String[] listed) {
        // when
        Validated<FollowUp> result = validate(minimalWith(field, value), 0);

        // then
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo(field);
            assertThat(error.message()).contains(listed);
        });
    }

    @Test
    void shouldRejectAnOccurredAtMoreThanFiveMinutesAhead() {
        // given: NOW + 5 min 1 s, written in Beijing time
        // when
        Validated<FollowUp> result = validate(minimalWith("occurredAt", "2026-11-24T12:05:01+08:00"), 0);

        // then
        assertThat(result.errors()).extracting(FieldError::field).containsExactly("occurredAt");
        assertThat(result.errors().getFirst().message()).contains("future");
    }

    @Test
    void shouldHoldARecordedFollowUpToThePipelineToo() {
        // when / then: a stage outside the pipeline is poison however late it is read
        Validated<FollowUp> result = FollowUpValidator.forRecorded(Pipeline.defaults())
                .validate(minimal().put("stage", "WHATEVER"), 0);
        assertThat(result.errors()).extracting(FieldError::field).containsExactly("stage");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-24T04:04:00Z", "2026-11-24T12:05:00+08:00"})
    void shouldAcceptAnOccurredAtWithinTheAllowedClockSkew(String occurredAt) {
        // given: NOW + 4 min, and NOW + exactly 5 min (only "more than 5 minutes" is refused)
        // when
        Validated<FollowUp> result = validate(minimalWith("occurredAt", occurredAt), 0);

        // then
        assertThat(result.errors()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-24T11:00:00+08:00", "2026-11-24T03:00:00Z", "2026-11-20T09:00:00+08:00"})
    void shouldRejectANextFollowUpThatIsNotAfterOccurredAt(String nextFollowUpAt) {
        // given: occurredAt is 2026-11-24T03:00:00Z; the first two are the same instant, the third earlier
        // when
        Validated<FollowUp> result = validate(minimalWith("nextFollowUpAt", nextFollowUpAt), 0);

        // then
        assertThat(result.errors()).containsExactly(new FieldError(0, "nextFollowUpAt", MessageCode.NOT_AFTER_OCCURRED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2036-11-24T03:00:01Z", "+33658-09-27T01:46:40Z", "+999999999-12-31T23:59:59Z"})
    void shouldRejectANextFollowUpMoreThanTenYearsAfterOccurredAt(String nextFollowUpAt) {
        // given occurredAt 2026-11-24T03:00:00Z and planned contacts one second past ten years, past the
        // 15-digit epoch-millis keys of the stale detector's due index, and past any epoch millis at all:
        // each was accepted before and then broke the stream processor's wall-clock check on every pass
        ObjectNode record = minimal();
        record.put("nextFollowUpAt", nextFollowUpAt);

        // when
        Validated<FollowUp> result = validate(record, 0);

        // then
        assertThat(result.errors()).containsExactly(
                new FieldError(0, "nextFollowUpAt", MessageCode.TOO_FAR_AHEAD, 10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"customerId", "customerName", "content", "tags"})
    void shouldRejectAnUnpairedSurrogateThatPostgresqlWouldStoreAsAQuestionMark(String field) {
        // given a high surrogate with no low one after it, as the JSON escape \ud83d alone gives it
        ObjectNode record = minimal();
        if (field.equals("tags")) {
            record.putArray("tags").add("重点\uD83D");
        } else {
            record.put(field, "王\uD83D芳");
        }

        // when
        Validated<FollowUp> result = validate(record, 0);

        // then
        assertThat(result.errors()).extracting(FieldError::field).containsExactly(field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"customerId", "customerName", "repId", "company"})
    void shouldRejectABidiOverrideInAnIdOrAName(String field) {
        // given "C-1001" followed by a right-to-left override that would show the rest reversed
        // when
        Validated<FollowUp> result = validate(minimalWith(field, "C-1001\u202Egnp.exe"), 0);

        // then
        assertThat(result.errors()).containsExactly(
                new FieldError(0, field, MessageCode.BIDI_CHARACTERS));
    }

    @Test
    void shouldKeepBidiMarksInFreeTextAndEmojiAndMixedScriptsEverywhere() {
        // given Arabic quoted inside Chinese content with an isolate, and emoji in names and tags
        ObjectNode record = minimal();
        record.put("customerName", "王芳 Fang 👩🏻‍💼");
        record.put("content", "客户说 \u2067مرحبا\u2069 然后挂了 📞\n第二行");
        record.putArray("tags").add("🔥".repeat(50));

        // when
        Validated<FollowUp> result = validate(record, 0);

        // then fifty emoji are fifty characters, not the hundred UTF-16 units they take
        assertThat(result.errors()).isEmpty();
        assertThat(result.value().customerName()).isEqualTo("王芳 Fang 👩🏻‍💼");
        assertThat(result.value().content()).isEqualTo("客户说 \u2067مرحبا\u2069 然后挂了 📞\n第二行");
        assertThat(result.value().tags()).containsExactly("🔥".repeat(50));
    }

    @ParameterizedTest
    @ValueSource(strings = {"LOST", "lost"})
    void shouldRequireALostReasonWhenTheCustomerIsLost(String stage) {
        // when
        Validated<FollowUp> result = validate(minimalWith("stage", stage), 4);

        // then
        assertThat(result.errors()).containsExactly(new FieldError(4, "lostReason", MessageCode.LOST_REASON_REQUIRED));
    }

    @Test
    void shouldRejectABlankLostReasonWhenTheCustomerIsLost() {
        // when
        Validated<FollowUp> result = validate(minimal().put("stage", "LOST").put("lostReason", "  "), 0);

        // then
        assertThat(result.errors()).extracting(FieldError::field).containsExactly("lostReason");
    }

    @Test
    void shouldAcceptALostCustomerWithAReason() {
        // when
        Validated<FollowUp> result = validate(minimal().put("stage", "LOST").put("lostReason", "预算被砍，选择了竞品"), 0);

        // then
        assertThat(result.errors()).isEmpty();
        assertThat(result.value().stage()).isEqualTo("LOST");
        assertThat(result.value().lostReason()).isEqualTo("预算被砍，选择了竞品");
    }

    @ParameterizedTest
    @ValueSource(strings = {"customerId", "repId", "teamId", "customerName"})
    void shouldRejectControlCharactersInIdsAndNames(String field) {
        // given: a bell (U+0007) inside the text
        // when
        Validated<FollowUp> result = validate(minimalWith(field, "A\u0007B"), 0);

        // then
        assertThat(result.errors()).containsExactly(new FieldError(0, field, MessageCode.CONTROL_CHARACTERS));
    }

    @Test
    void shouldAcceptAnIdOfExactly64Characters() {
        // when
        Validated<FollowUp> result = validate(minimalWith("customerId", "C".repeat(64)), 0);

        // then
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void shouldCountCharactersNotBytesOrUtf16Units() {
        // given: 200 characters of which 100 are outside the BMP (two UTF-16 units each)
        ObjectNode record = minimal();
        record.put("customerName", "张".repeat(100) + "\uD842\uDFB7".repeat(100));
        record.put("content", "跟".repeat(10_000));

        // when
        Validated<FollowUp> result = validate(record, 0);

        // then
        assertThat(result.errors()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-24T11:00:00", "2026/11/24 11:00", "昨天"})
    void shouldRejectAnOccurredAtWithoutAnOffsetOrNotIso(String occurredAt) {
        assertOnlyFieldRefused("occurredAt", occurredAt);
    }

    @ParameterizedTest
    @ValueSource(strings = {"D", "1", "AB", "VIP"})
    void shouldRejectALevelOtherThanABOrC(String level) {
        assertOnlyFieldRefused("level", level);
    }

    @Test
    void shouldRejectAnEventIdThatIsNotAUuid() {
        assertOnlyFieldRefused("eventId", "evt-0001");
    }

    @Test
    void shouldReportSeveralErrorsOfOneRecordTogether() {
        // given: no customer name, an unknown channel, a day ahead of the clock and an unknown level
        ObjectNode record = minimal().put("channel", "FAX").put("occurredAt", "2026-11-25T03:00:00Z").put("level", "Z");
        record.remove("customerName");

        // when
        Validated<FollowUp> result = validate(record, 3);

        // then
        assertThat(result.value()).isNull();
        assertThat(result.errors()).hasSize(4);
        assertThat(result.errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("customerName", "channel", "occurredAt", "level");
        assertThat(result.errors()).extracting(FieldError::index).containsOnly(3);
    }
}
