package dev.pulse.events.validation;

import dev.pulse.events.messages.MessageCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.events.Json;
import dev.pulse.events.Sale;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

class SaleValidatorTest {

    private static final Instant NOW = Instant.parse("2026-11-24T04:00:00Z");

    private final SaleValidator validator = new SaleValidator(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));

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
        // given
        ObjectNode record = minimal();
        record.put("amount", amount);

        // when
        Validated<Sale> result = validator.validate(record, 0);

        // then
        assertThat(result.errors()).extracting(FieldError::field).containsExactly("amount");
    }

    @Test
    void shouldRejectANegativeNumericAmount() {
        // given
        ObjectNode record = minimal();
        record.put("amount", -5);

        // when
        Validated<Sale> result = validator.validate(record, 0);

        // then
        assertThat(result.errors()).extracting(FieldError::field).containsExactly("amount");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "¥100", "1,000.00", "12.5元"})
    void shouldRejectANonNumericAmount(String amount) {
        // given
        ObjectNode record = minimal();
        record.put("amount", amount);

        // when
        Validated<Sale> result = validator.validate(record, 0);

        // then
        assertThat(result.errors()).containsExactly(new FieldError(0, "amount", MessageCode.NOT_A_DECIMAL));
    }

    @Test
    void shouldRejectABooleanAmount() {
        // given
        ObjectNode record = minimal();
        record.put("amount", true);

        // when
        Validated<Sale> result = validator.validate(record, 0);

        // then
        assertThat(result.errors()).containsExactly(new FieldError(0, "amount", MessageCode.NOT_A_DECIMAL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000000000000", "0.00001"})
    void shouldRejectAnAmountOutOfBoundsOrTooPrecise(String amount) {
        // given: 10^12 is the first amount refused; 5 decimals is one too many
        ObjectNode record = minimal();
        record.put("amount", amount);

        // when
        Validated<Sale> result = validator.validate(record, 0);

        // then
        assertThat(result.errors()).extracting(FieldError::field).containsExactly("amount");
    }

    @Test
    void shouldAcceptTheLargestAllowedAmount() {
        // given
        ObjectNode record = minimal();
        record.put("amount", "999999999999.9999");

        // when
        Validated<Sale> result = validator.validate(record, 0);

        // then
        assertThat(result.errors()).isEmpty();
        assertThat(result.value().amount()).isEqualTo(new BigDecimal("999999999999.9999"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RMB1", "C1Y", "元", "XYZ", "RMB", "ABC", "XXX"})
    void shouldRejectACurrencyThatIsNotAnIso4217Code(String currency) {
        // given
        ObjectNode record = minimal();
        record.put("currency", currency);

        // when
        Validated<Sale> result = validator.validate(record, 0);

        // then
        assertThat(result.errors()).extracting(FieldError::field).containsExactly("currency");
    }

    @Test
    void shouldRejectASaleMoreThanFiveMinutesInTheFuture() {
        // given
        ObjectNode record = minimal();
        record.put("occurredAt", "2026-11-24T04:05:01Z");

        // when
        Validated<Sale> result = validator.validate(record, 0);

        // then
        assertThat(result.errors()).extracting(FieldError::field).containsExactly("occurredAt");
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
        // given
        ObjectNode record = minimal();
        record.put("occurredAt", "2026-11-24T04:04:00Z");

        // when
        Validated<Sale> result = validator.validate(record, 0);

        // then
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void shouldRejectASaleBefore1990() {
        // given
        ObjectNode record = minimal();
        record.put("occurredAt", "1989-12-31T23:59:59Z");

        // when
        Validated<Sale> result = validator.validate(record, 0);

        // then
        assertThat(result.errors()).containsExactly(new FieldError(0, "occurredAt", MessageCode.BEFORE_1990));
    }

    @Test
    void shouldRejectControlCharactersInTheOrderId() {
        // given
        ObjectNode record = minimal();
        record.put("orderId", "SO-1\u001B[31m");

        // when
        Validated<Sale> result = validator.validate(record, 0);

        // then
        assertThat(result.errors()).containsExactly(new FieldError(0, "orderId", MessageCode.CONTROL_CHARACTERS));
    }

    @Test
    void shouldRejectANumberAsCustomerId() {
        // given
        ObjectNode record = minimal();
        record.put("customerId", 1001);

        // when
        Validated<Sale> result = validator.validate(record, 0);

        // then
        assertThat(result.errors()).containsExactly(new FieldError(0, "customerId", MessageCode.NOT_A_STRING));
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
