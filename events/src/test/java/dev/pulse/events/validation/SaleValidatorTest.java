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

class SaleValidatorTest extends EventValidatorContract<Sale> {

    /** Its "now" is {@link TestValidators#NOW}, 2026-11-24T04:00:00Z. */
    SaleValidatorTest() {
        super(TestValidators.sales()::validate, SaleValidator.forRecorded()::validate);
    }

    /** The smallest sale the contract accepts; the amount is text so its scale is exact. */
    @Override
    ObjectNode minimal() {
        return (ObjectNode) Json.MAPPER.readTree("""
                {"orderId": "SO-2026-0001",
                 "customerId": "C-1001",
                 "repId": "R-7",
                 "product": "企业版年度订阅",
                 "amount": "19999.50",
                 "occurredAt": "2026-11-24T10:30:00+08:00"}
                """);
    }

    @Test
    void shouldAcceptAMinimalSaleAndDefaultTheCurrencyToCny() {
        // given
        ObjectNode record = minimal();

        // when
        Validated<Sale> result = validate(record, 0);

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
        Validated<Sale> result = validate(record, 0);

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
        Validated<Sale> result = validate(record, 0);

        // then: money must not be rounded through a double (600000000000.0003 is not a double)
        assertThat(result.errors()).isEmpty();
        assertThat(result.value().amount()).isEqualByComparingTo("600000000000.0003");
    }

    /** What a sale must give, for the contract's missing-field test. */
    static Stream<String> requiredFields() {
        return Stream.of("orderId", "customerId", "repId", "product", "amount", "occurredAt");
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

    /** One field of the minimal sale set to a value its rules refuse, where only the field named is checked. */
    static Stream<Arguments> refusedField() {
        return Stream.of(
                arguments("a negative numeric amount", "amount", -5),
                arguments("a zero amount", "amount", "0"),
                arguments("a zero amount with decimals", "amount", "0.00"),
                arguments("a negative amount", "amount", "-1"),
                arguments("a negative amount with decimals", "amount", "-19999.50"),
                // 10^12 is the first amount refused; 5 decimals is one too many
                arguments("an amount of 10^12", "amount", "1000000000000"),
                arguments("an amount of 5 decimals", "amount", "0.00001"),
                arguments("a sale more than five minutes in the future", "occurredAt", "2026-11-24T04:05:01Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedField")
    void shouldRejectTheFieldAndNameIt(String rule, String field, Object value) {
        assertOnlyFieldRefused(field, value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "¥100", "1,000.00", "12.5元"})
    void shouldRejectANonNumericAmount(String amount) {
        // when
        Validated<Sale> result = validate(minimalWith("amount", amount), 0);

        // then
        assertThat(result.errors()).containsExactly(new FieldError(0, "amount", MessageCode.NOT_A_DECIMAL));
    }

    @Test
    void shouldAcceptTheLargestAllowedAmount() {
        // when
        Validated<Sale> result = validate(minimalWith("amount", "999999999999.9999"), 0);

        // then
        assertThat(result.errors()).isEmpty();
        assertThat(result.value().amount()).isEqualTo(new BigDecimal("999999999999.9999"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RMB1", "C1Y", "元", "XYZ", "RMB", "ABC", "XXX"})
    void shouldRejectACurrencyThatIsNotAnIso4217Code(String currency) {
        assertOnlyFieldRefused("currency", currency);
    }

    @Test
    void shouldAcceptASaleFourMinutesAhead() {
        // when
        Validated<Sale> result = validate(minimalWith("occurredAt", "2026-11-24T04:04:00Z"), 0);

        // then
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void shouldReportSeveralErrorsOfOneRecordTogether() {
        // given: no orderId, a negative amount and a currency that is no code
        ObjectNode record = minimal().put("amount", "-1").put("currency", "C1Y");
        record.remove("orderId");

        // when
        Validated<Sale> result = validate(record, 1);

        // then
        assertThat(result.errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("orderId", "amount", "currency");
        assertThat(result.errors()).extracting(FieldError::index).containsOnly(1);
    }
}
