package dev.pulse.events.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.events.JsonSerde;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Revenue stays one sum per currency in a cell, and cells written before that still read. */
class FunnelCellRevenueTest {

    private static final LocalDate NOV_3 = LocalDate.of(2026, 11, 3);

    @Test
    void shouldKeepEachCurrencyApartWhenCustomersAreAdded() {
        // given
        CustomerFunnel cny = customer("C-1", Map.of("CNY", new BigDecimal("12300.00")));
        CustomerFunnel mixed = customer("C-2", Map.of("CNY", new BigDecimal("100.50"), "USD", new BigDecimal("450")));

        // when
        FunnelCell cell = FunnelCell.empty().plus(cny, 1).plus(FunnelCell.empty().plus(mixed, 1));

        // then: 12,400.50 CNY and 450 USD, never 12,850.50 of anything
        assertThat(cell.revenueByCurrency()).containsOnlyKeys("CNY", "USD");
        assertThat(cell.revenueByCurrency().get("CNY")).isEqualByComparingTo("12400.50");
        assertThat(cell.revenueByCurrency().get("USD")).isEqualByComparingTo("450");
        assertThat(cell.withSale()).isEqualTo(2);
    }

    @Test
    void shouldDropACurrencyWhoseSumReturnsToZero() {
        // given
        CustomerFunnel mixed = customer("C-2", Map.of("CNY", new BigDecimal("100.50"), "USD", new BigDecimal("450")));
        FunnelCell cell = FunnelCell.empty().plus(mixed, 1);

        // when
        FunnelCell after = cell.plus(FunnelCell.empty().plus(mixed, -1));

        // then
        assertThat(after.revenueByCurrency()).isEmpty();
        assertThat(after.isZero()).isTrue();
    }

    @Test
    void shouldRoundTripRevenueByCurrency() {
        // given
        JsonSerde<FunnelCell> serde = JsonSerde.of(FunnelCell.class);
        FunnelCell cell = FunnelCell.empty().plus(customer("C-1", Map.of("CNY", new BigDecimal("1.25"),
                "USD", new BigDecimal("2"))), 1);

        // when
        byte[] bytes = serde.serializer().serialize("t", cell);

        // then: the old single figure is not written, so nothing reads one sum of two currencies
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"revenueByCurrency\":{\"CNY\":1.25,\"USD\":2}")
                .doesNotContain("\"revenue\":");
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(cell);
    }

    @Test
    void shouldReadTheSingleRevenueOfAnOldCellAsRevenueOfUnknownCurrency() {
        // given: a change record as written before revenue was kept per currency
        String old = """
                {"cohortDay":"2026-11-03","repId":"R-7","teamId":"T-EAST","source":null,"customers":1,
                 "reached":{"LEAD":1},"current":{"LEAD":1},"transitions":{},"stageDays":{},
                 "withSale":1,"revenue":1200.50}""";

        // when
        FunnelCell cell = JsonSerde.of(FunnelCell.class).deserializer().deserialize("t",
                old.getBytes(StandardCharsets.UTF_8));

        // then
        assertThat(cell.revenueByCurrency()).isEqualTo(Map.of("XXX", new BigDecimal("1200.50")));
        assertThat(cell.customers()).isEqualTo(1);
        assertThat(cell.reached()).isEqualTo(Map.of("LEAD", 1L));
    }

    @Test
    void shouldReadAnOldCellWithoutSalesAsNoRevenue() {
        String old = """
                {"cohortDay":"2026-11-03","repId":"R-7","customers":1,"withSale":0,"revenue":0}""";

        FunnelCell cell = JsonSerde.of(FunnelCell.class).deserializer().deserialize("t",
                old.getBytes(StandardCharsets.UTF_8));

        assertThat(cell.revenueByCurrency()).isEmpty();
    }

    private static CustomerFunnel customer(String id, Map<String, BigDecimal> revenue) {
        return new CustomerFunnel(id, NOV_3, "R-7", "T-EAST", "web", "LEAD", List.of("LEAD"), List.of(), Map.of(),
                !revenue.isEmpty(), revenue);
    }
}
