package dev.pulse.ingest;

import dev.pulse.events.Json;
import java.math.BigDecimal;
import java.util.UUID;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Valid records with only the required fields; a test adds or breaks what it is about. */
final class Samples {

    private Samples() {
    }

    /** A customer id no other test uses, so what a test finds on a shared topic is its own. */
    static String newCustomerId() {
        return "C-" + UUID.randomUUID();
    }

    static ObjectNode followUp(String customerId) {
        return Json.MAPPER.createObjectNode()
                .put("customerId", customerId)
                .put("customerName", "王芳")
                .put("phone", "+86 138 0013 8000")
                .put("repId", "rep-7")
                .put("occurredAt", "2025-06-03T14:05:00+08:00")
                .put("channel", "PHONE")
                .put("content", "首次电话沟通，客户有采购意向。")
                .put("stage", "QUALIFIED");
    }

    static ObjectNode sale(String customerId) {
        return Json.MAPPER.createObjectNode()
                .put("orderId", "SO-" + UUID.randomUUID())
                .put("customerId", customerId)
                .put("repId", "rep-7")
                .put("product", "企业版年度订阅")
                .put("amount", new BigDecimal("12800.50"))
                .put("occurredAt", "2025-06-20T16:30:00+08:00");
    }

    static ArrayNode array(ObjectNode... records) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (ObjectNode record : records) {
            array.add(record);
        }
        return array;
    }
}
