package dev.pulse.report;

import dev.pulse.events.Json;
import dev.pulse.events.JsonSerde;
import dev.pulse.events.activity.Granularity;
import dev.pulse.events.changes.ActivityTouch;
import dev.pulse.events.changes.CustomerChange;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.node.ObjectNode;

/** Valid records with only the required fields, as ingest puts them on the topics; a test adds what it is about. */
final class Samples {

    private static final Serializer<CustomerChange> CHANGES = JsonSerde.of(CustomerChange.class).serializer();

    private Samples() {
    }

    /** An id no other test uses, so what a test finds in a shared database is its own. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    static ObjectNode followUp(String customerId) {
        return Json.MAPPER.createObjectNode()
                .put("eventId", UUID.randomUUID().toString())
                .put("customerId", customerId)
                .put("customerName", "王芳")
                .put("phone", "+86 138 0013 8000")
                .put("repId", "rep-7")
                .put("teamId", "east")
                .put("occurredAt", "2026-03-03T06:05:00Z")
                .put("channel", "PHONE")
                .put("content", "首次电话沟通，客户有采购意向。")
                .put("stage", "QUALIFIED");
    }

    static ObjectNode sale(String customerId, String orderId, String amount) {
        return Json.MAPPER.createObjectNode()
                .put("eventId", UUID.randomUUID().toString())
                .put("orderId", orderId)
                .put("customerId", customerId)
                .put("repId", "rep-7")
                .put("product", "企业版年度订阅")
                .put("amount", new BigDecimal(amount))
                .put("currency", "CNY")
                .put("occurredAt", "2026-03-20T08:30:00Z");
    }

    static byte[] bytes(ObjectNode record) {
        return Json.MAPPER.writeValueAsBytes(record);
    }

    static byte[] bytes(CustomerChange change) {
        return CHANGES.serialize("pulse-changes", change);
    }

    /**
     * The change of one counted follow-up in activity: one more on {@code channel} for the rep and
     * team on {@code day}, its customer new for both in the periods {@code newIn}.
     */
    static CustomerChange touch(String repId, String teamId, String day, String channel, Granularity... newIn) {
        Set<Granularity> periods = Set.of(newIn);
        return new CustomerChange(new ActivityTouch(repId, teamId, LocalDate.parse(day), channel, periods, periods),
                List.of());
    }

    static String eventId(ObjectNode record) {
        return record.get("eventId").asString();
    }

    static UUID eventUuid(ObjectNode record) {
        return UUID.fromString(eventId(record));
    }
}
