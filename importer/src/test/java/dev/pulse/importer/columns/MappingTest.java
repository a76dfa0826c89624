package dev.pulse.importer.columns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.importer.sheet.SheetRow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MappingTest {

    @Test
    void shouldBindTheUsualHeadersWhateverTheirCaseSpacingOrUnit() {
        ColumnBinding binding = new ColumnBinding(List.of("客户姓名", " Phone ", "成交金额（元）", "订单编号", "Sales_Agent", "颜色"),
                EventKind.SALES, Mapping.NONE);
        assertThat(binding.recognised()).containsExactly(Map.entry("客户姓名", List.of("customerName")),
                Map.entry(" Phone ", List.of("phone")), Map.entry("成交金额（元）", List.of("amount")),
                Map.entry("订单编号", List.of("orderId")), Map.entry("Sales_Agent", List.of("repId")));
        assertThat(binding.ignored()).containsExactly("颜色");
    }

    @Test
    void shouldGuessTheKindOfSheetFromItsHeaders() {
        assertThat(KnownHeaders.guessKind(List.of("订单编号", "客户姓名"))).isEqualTo(EventKind.SALES);
        assertThat(KnownHeaders.guessKind(List.of("客户姓名", "跟进时间"))).isEqualTo(EventKind.FOLLOWUPS);
    }

    @Test
    void shouldReadAMappingFileAndFillOneFieldFromTheFirstNonEmptyColumn() throws IOException {
        Mapping mapping = read("""
                {"type": "followups", "zone": "America/New_York",
                 "columns": {"close_date": "occurredAt", "engage_date": "occurredAt", "opportunity_id": ["customerId", "wechat"]},
                 "defaults": {"channel": "OTHER"}, "stages": {"Engaging": "LEAD"}}""");
        assertThat(mapping.type()).isEqualTo(EventKind.FOLLOWUPS);
        assertThat(mapping.zone()).isEqualTo(ZoneId.of("America/New_York"));
        ColumnBinding binding = new ColumnBinding(List.of("opportunity_id", "engage_date", "close_date"), EventKind.FOLLOWUPS, mapping);
        assertThat(binding.value(new SheetRow(2, List.of("X1", "2016-10-20", "2017-03-01")), "occurredAt")).isEqualTo("2017-03-01");
        assertThat(binding.value(new SheetRow(3, List.of("X2", "2016-10-20", "")), "occurredAt")).isEqualTo("2016-10-20");
        assertThat(binding.value(new SheetRow(3, List.of("X2", "2016-10-20", "")), "wechat")).isEqualTo("X2");
    }

    @Test
    void shouldAcceptAMappingOfEveryFieldOfTheEventsRecord() throws IOException {
        // the expected deal (issue 15) was recognised by its headers but refused in a mapping file
        Mapping mapping = read("""
                {"columns": {"deal": "expectedAmount", "ccy": "expectedCurrency", "close": "expectedCloseDate",
                 "where_from": "source", "who": "contact"}}""");
        ColumnBinding binding = new ColumnBinding(List.of("deal", "ccy", "close"), EventKind.FOLLOWUPS, mapping);
        assertThat(binding.value(new SheetRow(2, List.of("120000", "CNY", "2027-01-31")), "expectedAmount")).isEqualTo("120000");
        assertThat(EventKind.FOLLOWUPS.fields()).doesNotContain("eventId")
                .contains("expectedAmount", "expectedCurrency", "expectedCloseDate", "contact", "note");
        assertThat(EventKind.SALES.fields()).contains("orderId", "amount", "shippingStatus", "customerName", "contact");
    }

    @Test
    void shouldRefuseAMappingThatNamesAnUnknownField() {
        assertThatThrownBy(() -> read("{\"columns\": {\"a\": \"colour\"}}"))
                .isInstanceOf(Mapping.InvalidMappingException.class)
                .hasMessageStartingWith("mapping: 'colour' is not a field of followups");
        assertThatThrownBy(() -> read("{\"type\": \"invoices\"}"))
                .hasMessage("mapping: type must be followups or sales, not 'invoices'");
        assertThatThrownBy(() -> read("[1]")).hasMessage("the mapping file must hold one JSON object");
        assertThatThrownBy(() -> read("{oops")).hasMessageStartingWith("the mapping file is not JSON");
    }

    private static Mapping read(String json) throws IOException {
        return Mapping.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
