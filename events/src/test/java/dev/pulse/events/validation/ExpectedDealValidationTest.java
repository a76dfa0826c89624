package dev.pulse.events.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.events.FollowUp;
import dev.pulse.events.Json;
import dev.pulse.events.messages.Language;
import dev.pulse.events.messages.Message;
import dev.pulse.events.messages.MessageCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

/** Issue 15: a follow-up may carry the rep's estimate of the deal (预计成交金额, 预计成交日期). */
class ExpectedDealValidationTest {

    /** Its "now" is {@link TestValidators#NOW}, 2026-11-24T04:00:00Z. */
    private final FollowUpValidator validator = TestValidators.followUps();

    /** A follow-up made on 2026-11-24 (UTC and Shanghai alike). */
    private static ObjectNode followUp() {
        return (ObjectNode) Json.MAPPER.readTree("""
                {"customerId": "C-1001", "customerName": "张三", "phone": "13800138000", "repId": "R-7",
                 "occurredAt": "2026-11-24T11:00:00+08:00", "channel": "PHONE", "content": "报价", "stage": "QUOTE"}
                """);
    }

    @Test
    void shouldLeaveTheExpectedDealEmptyWhenNotGiven() {
        // when
        FollowUp followUp = validator.validate(followUp(), 0).value();

        // then: no currency is invented for an amount nobody gave
        assertThat(followUp.expectedAmount()).isNull();
        assertThat(followUp.expectedCurrency()).isNull();
        assertThat(followUp.expectedCloseDate()).isNull();
    }

    @Test
    void shouldAcceptAnAmountWithACurrencyInAnyCaseAndACloseDate() {
        // given
        ObjectNode record = followUp().put("expectedAmount", "12800.5").put("expectedCurrency", "usd")
                .put("expectedCloseDate", "2026-12-31");

        // when
        Validated<FollowUp> result = validator.validate(record, 0);

        // then
        assertThat(result.errors()).isEmpty();
        assertThat(result.value().expectedAmount()).isEqualByComparingTo("12800.5");
        assertThat(result.value().expectedCurrency()).isEqualTo("USD");
        assertThat(result.value().expectedCloseDate()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void shouldTakeCnyForAnAmountWithoutCurrencyAsASaleDoes() {
        // given: a JSON number, never passed through a double
        ObjectNode record = followUp();
        record.put("expectedAmount", new BigDecimal("50000.1234"));

        // when
        FollowUp followUp = validator.validate(record, 0).value();

        // then
        assertThat(followUp.expectedAmount()).isEqualTo(new BigDecimal("50000.1234"));
        assertThat(followUp.expectedCurrency()).isEqualTo("CNY");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1000000000000", "1.12345"})
    void shouldRejectAnAmountThatIsNotPositiveOrTooLargeOrTooPrecise(String amount) {
        // given
        ObjectNode record = followUp();
        record.put("expectedAmount", amount);

        // when
        Validated<FollowUp> result = validator.validate(record, 2);

        // then
        assertThat(result.errors()).containsExactly(new FieldError(2, "expectedAmount", MessageCode.BAD_EXPECTED_AMOUNT));
    }

    @Test
    void shouldRejectAnAmountThatIsNoNumber() {
        ObjectNode record = followUp();
        record.put("expectedAmount", "五万");

        assertThat(validator.validate(record, 0).errors())
                .containsExactly(new FieldError(0, "expectedAmount", MessageCode.NOT_A_DECIMAL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"XYZ", "XXX", "RMB", "CN"})
    void shouldRejectAnUnknownCurrency(String currency) {
        // given: RMB is what people say, CNY is the code; XXX is Pulse's "currency unknown"
        ObjectNode record = followUp();
        record.put("expectedAmount", "100");
        record.put("expectedCurrency", currency);

        // when
        Validated<FollowUp> result = validator.validate(record, 0);

        // then
        assertThat(result.errors()).containsExactly(new FieldError(0, "expectedCurrency", MessageCode.NOT_A_CURRENCY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026/12/31", "2026-12-31T10:00:00+08:00", "31.12.2026", "2026-02-30"})
    void shouldRejectACloseDateThatIsNotAnIsoDate(String date) {
        ObjectNode record = followUp();
        record.put("expectedCloseDate", date);

        assertThat(validator.validate(record, 0).errors())
                .containsExactly(new FieldError(0, "expectedCloseDate", MessageCode.NOT_A_CALENDAR_DATE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1989-12-31", "2036-11-25"})
    void shouldRejectACloseDateBefore1990OrMoreThanTenYearsAfterTheFollowUp(String date) {
        // given: the follow-up is on 2026-11-24, so 2036-11-24 is the last day allowed
        ObjectNode record = followUp();
        record.put("expectedCloseDate", date);

        // when
        Validated<FollowUp> result = validator.validate(record, 0);

        // then
        assertThat(result.errors()).containsExactly(new FieldError(0, "expectedCloseDate",
                MessageCode.CLOSE_DATE_OUT_OF_RANGE, 10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1990-01-01", "2025-06-30", "2036-11-24"})
    void shouldAcceptACloseDateAtTheBoundsAndInThePast(String date) {
        // given: a date already past is an estimate that slipped, which the forecast must still see
        ObjectNode record = followUp();
        record.put("expectedCloseDate", date);

        assertThat(validator.validate(record, 0).errors()).isEmpty();
    }

    @Test
    void shouldSayWhatIsWrongInChineseWithTheFieldsChineseName() {
        assertThat(Message.about("expectedAmount", MessageCode.BAD_EXPECTED_AMOUNT).render(Language.ZH))
                .isEqualTo("预计成交金额必须为正数、小于 10^12、最多 4 位小数");
        assertThat(Message.about("expectedCloseDate", MessageCode.CLOSE_DATE_OUT_OF_RANGE, 10).render(Language.ZH))
                .isEqualTo("预计成交日期必须在 1990-01-01 到跟进时间之后 10 年之间");
        assertThat(Message.about("expectedCloseDate", MessageCode.NOT_A_CALENDAR_DATE).render(Language.EN))
                .isEqualTo("must be an ISO date such as 2026-11-30");
    }
}
