package dev.pulse.report.projector;

import static dev.pulse.report.db.Tables.SALE;

import dev.pulse.events.Sale;
import dev.pulse.events.validation.SaleValidator;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jooq.DSLContext;
import org.jooq.Query;

/** Sales into the fact table; a repeated eventId or orderId is ignored, never an error that blocks the batch. */
final class SaleWriter implements TopicWriter {

    private final String topic;
    private final RecordParser<Sale> parser;

    SaleWriter(String topic, SaleValidator validator) {
        this.topic = topic;
        this.parser = new RecordParser<>(validator::validate, Sale::eventId);
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public int write(DSLContext db, List<ConsumerRecord<String, byte[]>> records) {
        List<Query> inserts = records.stream()
                .map(parser::parse)
                .filter(Objects::nonNull)
                .map(s -> (Query) db.insertInto(SALE)
                        .set(SALE.EVENT_ID, s.eventId())
                        .set(SALE.ORDER_ID, s.orderId())
                        .set(SALE.CUSTOMER_ID, s.customerId())
                        .set(SALE.REP_ID, s.repId())
                        .set(SALE.TEAM_ID, s.teamId())
                        .set(SALE.PRODUCT, s.product())
                        .set(SALE.AMOUNT, s.amount())
                        .set(SALE.CURRENCY, s.currency())
                        .set(SALE.PAYMENT_METHOD, s.paymentMethod())
                        .set(SALE.OCCURRED_AT, s.occurredAt().atOffset(ZoneOffset.UTC))
                        .set(SALE.SHIPPING_STATUS, s.shippingStatus())
                        .onConflictDoNothing())
                .toList();
        if (!inserts.isEmpty()) {
            db.batch(inserts).execute();
        }
        return inserts.size();
    }
}
