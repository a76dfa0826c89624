package dev.pulse.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.events.activity.ActivityRow;
import dev.pulse.events.activity.ActivityScope;
import dev.pulse.events.activity.Granularity;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JsonSerdeTest {

    private static final String TOPIC = "any-topic";

    private static final FollowUp FOLLOW_UP = new FollowUp(
            UUID.fromString("3f2b7c1e-0d4a-4c55-9a7e-2b1f6e0c9d11"),
            "C-1001", "张三", "+86 138-0013-8000", "zhang.san@example.cn", "zhangsan_wx",
            "上海星辰科技有限公司", "采购总监", "R-7", "李四", "T-EAST",
            Instant.parse("2026-11-03T06:05:00Z"), Channel.WECHAT,
            "客户对报价有疑问，\n约下周再谈。", "QUOTE", "需要内部审批",
            Instant.parse("2026-11-10T02:00:00Z"), null,
            List.of("重点客户", "华东"), "A", "展会", new BigDecimal("88000.50"), "CNY", LocalDate.of(2026, 12, 20));

    private static final Sale SALE = new Sale(
            UUID.fromString("7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d"),
            "SO-2026-0001", "C-1001", "R-7", "T-EAST", "企业版年度订阅",
            new BigDecimal("19999.50"), "CNY", "银行转账",
            Instant.parse("2026-11-03T08:30:15.250Z"), "已发货");

    private static final ActivityRow ROW = new ActivityRow(
            ActivityScope.REP, "R-7", "T-EAST", Granularity.WEEK, "2026-W45",
            LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 8),
            5, 3, Map.of("PHONE", 2L, "WECHAT", 3L));

    private static final PoisonRecord POISON = new PoisonRecord(
            "followups", 2, 4711L, "C-1001", "invalid fields: customerName (is required)",
            "{\"customerId\":\"C-1001\",\"content\":\"跟进\"}", Instant.parse("2026-11-24T05:00:00Z"));

    @Test
    void shouldRoundTripAFollowUpWithEveryField() {
        // when
        FollowUp back = read(FollowUp.class, written(FollowUp.class, FOLLOW_UP));

        // then
        assertThat(back).isEqualTo(FOLLOW_UP);
        assertThat(back.tags()).containsExactly("重点客户", "华东");
    }

    @Test
    void shouldWriteChineseAsUtf8AndTimesAsIsoText() {
        // when
        byte[] bytes = written(FollowUp.class, FOLLOW_UP);
        JsonNode json = Json.MAPPER.readTree(bytes);

        // then: readers in other languages and BI tools see plain UTF-8 and ISO-8601 instants
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"customerName\":\"张三\"");
        assertThat(json.get("occurredAt").isString()).isTrue();
        assertThat(json.get("occurredAt").asString()).isEqualTo("2026-11-03T06:05:00Z");
        assertThat(json.get("channel").asString()).isEqualTo("WECHAT");
        assertThat(json.get("tags").isArray()).isTrue();
        assertThat(json.get("tags").size()).isEqualTo(2);
        // the expected close date is a day as the rep names it, not an instant
        assertThat(json.get("expectedCloseDate").asString()).isEqualTo("2026-12-20");
    }

    @Test
    void shouldRoundTripASaleKeepingTheExactAmount() {
        // when
        byte[] bytes = written(Sale.class, SALE);
        Sale back = read(Sale.class, bytes);

        // then: BigDecimal equality includes the scale, so 19999.50 must not come back as 19999.5
        assertThat(back).isEqualTo(SALE);
        assertThat(back.amount()).isEqualTo(new BigDecimal("19999.50"));
        assertThat(back.occurredAt()).isEqualTo(Instant.parse("2026-11-03T08:30:15.250Z"));
        assertThat(Json.MAPPER.readTree(bytes).get("amount").isNumber()).isTrue();
    }

    @Test
    void shouldRoundTripAnActivityRowWithDatesAsIsoText() {
        // when
        byte[] bytes = written(ActivityRow.class, ROW);
        ActivityRow back = read(ActivityRow.class, bytes);

        // then
        assertThat(back).isEqualTo(ROW);
        assertThat(back.byChannel()).containsExactlyInAnyOrderEntriesOf(Map.of("PHONE", 2L, "WECHAT", 3L));
        JsonNode json = Json.MAPPER.readTree(bytes);
        assertThat(json.get("periodStart").asString()).isEqualTo("2026-11-02");
        assertThat(json.get("periodEnd").asString()).isEqualTo("2026-11-08");
        assertThat(json.get("bucket").asString()).isEqualTo("2026-W45");
    }

    @Test
    void shouldRoundTripAPoisonRecord() {
        // when
        PoisonRecord back = read(PoisonRecord.class, written(PoisonRecord.class, POISON));

        // then
        assertThat(back).isEqualTo(POISON);
        assertThat(back.payload()).contains("跟进");
    }

    @Test
    void shouldPassNullThroughInBothDirections() {
        // given
        JsonSerde<FollowUp> serde = JsonSerde.of(FollowUp.class);

        // when
        byte[] bytes = serde.serializer().serialize(TOPIC, null);
        FollowUp value = serde.deserializer().deserialize(TOPIC, null);

        // then: tombstones stay tombstones
        assertThat(bytes).isNull();
        assertThat(value).isNull();
    }

    @Test
    void shouldIgnoreFieldsItDoesNotKnow() {
        // given: a record from a newer producer that added optional fields
        String json = """
                {"eventId":"7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d","orderId":"SO-2026-0001",
                 "customerId":"C-1001","repId":"R-7","teamId":"T-EAST","product":"企业版年度订阅",
                 "amount":19999.50,"currency":"CNY","paymentMethod":"银行转账",
                 "occurredAt":"2026-11-03T16:30:15.250+08:00","shippingStatus":"已发货",
                 "discountCode":"DOUBLE11","invoice":{"title":"上海星辰","number":42}}
                """;

        // when
        Sale sale = JsonSerde.of(Sale.class).deserializer().deserialize(TOPIC, json.getBytes(StandardCharsets.UTF_8));

        // then: the +08:00 time is the same instant as SALE's 08:30:15.250Z
        assertThat(sale).isEqualTo(SALE);
    }

    @Test
    void shouldRefuseGarbageBytesWithASerializationException() {
        // given
        JsonSerde<FollowUp> serde = JsonSerde.of(FollowUp.class);
        byte[] garbage = {(byte) 0xFF, (byte) 0xFE, 0x00, 0x13, 'x'};

        // when / then
        assertThatThrownBy(() -> serde.deserializer().deserialize("followups", garbage))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("FollowUp")
                .hasMessageContaining("followups");
    }

    @Test
    void shouldRefuseTruncatedJsonAndWrongTypesWithASerializationException() {
        // given
        JsonSerde<Sale> serde = JsonSerde.of(Sale.class);
        byte[] truncated = "{\"orderId\":\"SO-1\",\"amount\":".getBytes(StandardCharsets.UTF_8);
        byte[] badInstant = "{\"orderId\":\"SO-1\",\"occurredAt\":\"yesterday\"}".getBytes(StandardCharsets.UTF_8);

        // when / then
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, truncated))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, badInstant))
                .isInstanceOf(SerializationException.class);
    }

    /** The value as its serde writes it to the topic. */
    private static <T> byte[] written(Class<T> type, T value) {
        return JsonSerde.of(type).serializer().serialize(TOPIC, value);
    }

    /** The bytes as its serde reads them from the topic. */
    private static <T> T read(Class<T> type, byte[] bytes) {
        return JsonSerde.of(type).deserializer().deserialize(TOPIC, bytes);
    }
}
