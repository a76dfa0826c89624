package dev.pulse.events.validation;

import dev.pulse.events.messages.MessageCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.pulse.events.Json;
import dev.pulse.events.Sale;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

class SaleValidatorTest {

    /** Its "now" is {@link TestValidators#NOW}, 2026-11-24T04:00:00Z. */
    private final SaleValidator validator = TestValidators.sales();

    /** The smallest sale the contract accepts; the amount is text so its scale is exact. */
    private static ObjectNode minimal() {
        return (ObjectNode) Json.MAPPER.readTree("""
                {"orderId": "SO-2026-0001",
                 "customerId": "C-1001",
                 "repId": "R-7",
                 "product": "企业版年度订阅",
                 "amount": "19999.50",
                 "occurredAt": "2026-11-24T10:30:00+08:00"}
                """);
    }

    /** The minimal sale with one field set to {@code value}: text, a number or a boolean where the contract wants another. */
    private static ObjectNode minimalWith(String field, Object value) {
        return TestValidators.with(minimal(), field, value);
    }

    @Test
    void shouldAcceptAMinimalSaleAndDefaultTheCurrencyToCny() {
        // given
        ObjectNode record = minimal();

        // when
        Validated<Sale> result = validator.validate(record, 0);

        // then
        assertThat(result.errors()).isEmpty();
        Sale sale = result.value();
        assertThat(sale.orderId()).isEqualTo("SO-2026-0001");
        assertThat(sale.amount()).isEqualTo(new BigDecimal("19999.50"));
        assertThat(sale.currency()).isEqualTo("CNY");
        assertThat(sale.occurredAt()).isEqualTo(Instant.parse("2026-11-24T02:30:00Z"));
        assertThat(sale.eventId()).isNull();
    }

    @Test
    void shouldAcceptANumericAmountAndUpperCaseTheCurrency() {
        // given
        ObjectNode record = minimal();
        record.put("amount", 1999.5);
        record.put("currency", "usd");
        record.put("paymentMethod", "支付宝");
        record.put("shippingStatus", "待发货");

        // when
        Validated<Sale> result = validator.validate(record, 0);

        // then
        assertThat(result.errors()).isEmpty();
        assertThat(result.value().amount()).isEqualByComparingTo("1999.50");
        assertThat(result.value().currency()).isEqualTo("USD");
        assertThat(result.value().paymentMethod()).isEqualTo("支付宝");
    }

    @Test
    void shouldKeepTheExactValueOfANumericAmountWithFourDecimals() {
        // given: an amount the validator allows (below 10^12, 4 decimals) written as a JSON number,
        // parsed by the same mapper ingest and the processor use
        ObjectNode record = (ObjectNode) Json.MAPPER.readTree("""
                {"orderId": "SO-2026-0002", "customerId": "C-1001", "repId": "R-7", "product": "整栋楼宇改造",
                 "amount": 600000000000.0003, "occurredAt": "2026-11-24T10:30:00+08:00"}
                """);

        // when
        Validated<Sale> result = validator.validate(record, 0);

        // then: money must not be rounded through a double (600000000000.0003 is not a double)
        assertThat(result.errors()).isEmpty();
        assertThat(result.value().amount()).isEqualByComparingTo("600000000000.0003");
    }

    @ParameterizedTest
    @ValueSource(strings = {"orderId", "customerId", "repId", "product", "amount", "occurredAt"})
    void shouldNameTheMissingRequiredFieldAndTheRecordIndex(String field) {
        // given
        ObjectNode record = minimal();
        record.remove(field);

        // when
        Validated<Sale> result = validator.validate(record, 9);

        // then
        assertThat(result.value()).isNull();
        assertThat(result.errors()).containsExactly(new FieldError(9, field, MessageCode.REQUIRED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-1", "-19999.50"})
    void shouldRejectAZeroOrNegativeAmount(String amount) {
        // when
        Validated<Sale> result = validator.validate(minimalWith("amount", amount), 0);

        // then
        assertThat(result.errors()).extracting(FieldError::field).containsExactly("amount");
    }

    /**
     * One field of the minimal sale set to a value that breaks one rule, and the one error that must
     * name it; the first column says which rule.
     */
    static Stream<Arguments> oneRuleBroken() {
        return Stream.of(
                arguments("a boolean amount", "amount", true, new FieldError(0, "amount", MessageCode.NOT_A_DECIMAL)),
                arguments("a sale before 1990", "occurredAt", "1989-12-31T23:59:59Z",
                        new FieldError(0, "occurredAt", MessageCode.BEFORE_1990)),
                arguments("control characters in the orderId", "orderId", "SO-1\u001B[31m",
                        new FieldError(0, "orderId", MessageCode.CONTROL_CHARACTERS)),
                arguments("a number as customerId", "customerId", 1001,
                        new FieldError(0, "customerId", MessageCode.NOT_A_STRING)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneRuleBroken")
    void shouldRejectAFieldThatBreaksOneRuleWithTheErrorNamingIt(String rule, String field, Object value, FieldError expected) {
        // when
        Validated<Sale> result = validator.validate(minimalWith(field, value), 0);

        // then
        assertThat(result.errors()).containsExactly(expected);
    }

    /** One field of the minimal sale set to a value its rules refuse, where only the field named is checked. */
    static Stream<Arguments> refusedField() {
        return Stream.of(
                arguments("a negative numeric amount", "amount", -5),
                arguments("a sale more than five minutes in the future", "occurredAt", "2026-11-24T04:05:01Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedField")
    void shouldRejectTheFieldAndNameIt(String rule, String field, Object value) {
        // when
        Validated<Sale> result = validator.validate(minimalWith(field, value), 0);

        // then
        assertThat(result.errors()).extracting(FieldError::field).containsExactly(field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "¥100", "1,000.00", "12.5元"})
    void shouldRejectANonNumericAmount(String amount) {
        // when
        Validated<Sale> result = validator.validate(minimalWith("amount", amount), 0);

        // then
        assertThat(result.errors()).containsExactly(new FieldError(0, "amount", MessageCode.NOT_A_DECIMAL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000000000000", "0.00001"})
    void shouldRejectAnAmountOutOfBoundsOrTooPrecise(String amount) {
        // given: 10^12 is the first amount refused; 5 decimals is one too many
        // when
        Validated<Sale> result = validator.validate(minimalWith("amount", amount), 0);

        // then
        assertThat(result.errors()).extracting(FieldError::field).containsExactly("amount");
    }

    @Test
    void shouldAcceptTheLargestAllowedAmount() {
        // when
        Validated<Sale> result = validator.validate(minimalWith("amount", "999999999999.9999"), 0);

        // then
        assertThat(result.errors()).isEmpty();
        assertThat(result.value().amount()).isEqualTo(new BigDecimal("999999999999.9999"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RMB1", "C1Y", "元", "XYZ", "RMB", "ABC", "XXX"})
    void shouldRejectACurrencyThatIsNotAnIso4217Code(String currency) {
        // when
        Validated<Sale> result = validator.validate(minimalWith("currency", currency), 0);

        // then
        assertThat(result.errors()).extracting(FieldError::field).containsExactly("currency");
    }

    @Test
    void shouldHoldARecordedSaleToEveryRuleButTheClock() {
        // given
        SaleValidator recorded = SaleValidator.forRecorded();
        ObjectNode ahead = minimal();
        ahead.put("occurredAt", "2036-11-24T04:00:00Z");
        ObjectNode before1990 = minimal();
        before1990.put("occurredAt", "1989-12-31T23:59:59Z");

        // when / then
        assertThat(recorded.validate(ahead, 0).errors()).isEmpty();
        assertThat(recorded.validate(before1990, 0).errors()).extracting(FieldError::field).containsExactly("occurredAt");
    }

    @Test
    void shouldAcceptASaleFourMinutesAhead() {
        // when
        Validated<Sale> result = validator.validate(minimalWith("occurredAt", "2026-11-24T04:04:00Z"), 0);

        // then
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void shouldReportSeveralErrorsOfOneRecordTogether() {
        // given
        ObjectNode record = minimal();
        record.remove("orderId");
        record.put("amount", "-1");
        record.put("currency", "C1Y");

        // when
        Validated<Sale> result = validator.validate(record, 1);

        // then
        assertThat(result.errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("orderId", "amount", "currency");
        assertThat(result.errors()).extracting(FieldError::index).containsOnly(1);
    }
}
