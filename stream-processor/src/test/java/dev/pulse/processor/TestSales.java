package dev.pulse.processor;

import dev.pulse.events.Json;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/** Sales as ingest writes them on the sales topic, for the topology tests. */
public final class TestSales {

    private TestSales() {
    }

    /** A valid sale by R-7 with a fresh eventId and no currency (so CNY); add fields to the node as a test needs. */
    public static ObjectNode sale(String orderId, String customerId, String amount, String occurredAt) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("eventId", UUID.randomUUID().toString());
        node.put("orderId", orderId);
        node.put("customerId", customerId);
        node.put("repId", "R-7");
        node.put("product", "企业版年度订阅");
        node.put("amount", amount);
        node.put("occurredAt", occurredAt);
        return node;
    }
}
