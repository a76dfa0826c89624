package dev.pulse.processor.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.events.Json;
import dev.pulse.events.Sale;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A journey's revenue per currency, from state written now and from state written before currencies were kept. */
class CustomerJourneyTest {

    @Test
    void shouldSumOrdersPerCurrency() {
        // given
        CustomerJourney journey = Journeys.withSale(null, sale("SO-1", "100.50", "CNY"));
        journey = Journeys.withSale(journey, sale("SO-2", "20", "USD"));
        journey = Journeys.withSale(journey, sale("SO-3", "0.50", "CNY"));

        // when
        Map<String, BigDecimal> revenue = journey.revenue();

        // then
        assertThat(revenue).containsOnlyKeys("CNY", "USD");
        assertThat(revenue.get("CNY")).isEqualByComparingTo("101.00");
        assertThat(revenue.get("USD")).isEqualByComparingTo("20");
    }

    @Test
    void shouldCountOrdersOfOldStateAsUnknownCurrencyAndNewOnesInTheirOwn() {
        // given: a customer's journey as stored before currencies were kept (orders only)
        CustomerJourney old = Json.STATE.readValue("""
                {"steps":[],"orders":{"SO-1":1200.50}}""", CustomerJourney.class);

        // when: a dollar order arrives
        CustomerJourney journey = Journeys.withSale(old, sale("SO-2", "80", "USD"));

        // then: the old amount is not guessed to be yuan, so it retracts as it was counted
        assertThat(old.revenue()).isEqualTo(Map.of("XXX", new BigDecimal("1200.50")));
        assertThat(journey.revenue()).isEqualTo(Map.of("XXX", new BigDecimal("1200.50"), "USD", new BigDecimal("80")));
    }

    @Test
    void shouldReadBackTheCurrenciesItWrote() {
        CustomerJourney journey = Journeys.withSale(null, sale("SO-1", "9.99", "EUR"));

        CustomerJourney back = Json.STATE.readValue(Json.STATE.writeValueAsString(journey), CustomerJourney.class);

        assertThat(back.revenue()).isEqualTo(Map.of("EUR", new BigDecimal("9.99")));
    }

    private static Sale sale(String orderId, String amount, String currency) {
        return new Sale(UUID.randomUUID(), orderId, "C-1", "R-7", "T-EAST", "企业版", new BigDecimal(amount), currency,
                null, Instant.parse("2026-11-03T01:00:00Z"), null);
    }
}
