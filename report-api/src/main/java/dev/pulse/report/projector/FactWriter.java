package dev.pulse.report.projector;

import static dev.pulse.report.db.Tables.FOLLOWUP;
import static dev.pulse.report.db.Tables.SALE;

import dev.pulse.events.FollowUp;
import dev.pulse.events.Json;
import dev.pulse.events.Sale;
import dev.pulse.events.validation.FollowUpValidator;
import dev.pulse.events.validation.SaleValidator;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jooq.DSLContext;
import org.jooq.Query;

/**
 * Input events into their fact table, once per eventId whatever the number of deliveries: every
 * insert ignores a conflict on any unique key, so a repeated eventId (or a sale's repeated orderId)
 * is skipped instead of failing, and blocking, the whole batch.
 */
final class FactWriter<T> implements TopicWriter {

    private final String topic;
    private final RecordParser<T> parser;
    private final BiFunction<DSLContext, T, Query> insert;
    private final Function<T, Owner> owner;

    private FactWriter(String topic, RecordParser<T> parser, BiFunction<DSLContext, T, Query> insert,
                       Function<T, Owner> owner) {
        this.topic = topic;
        this.parser = parser;
        this.insert = insert;
        this.owner = owner;
    }

    static FactWriter<FollowUp> followUps(String topic, FollowUpValidator validator) {
        return new FactWriter<>(topic, new RecordParser<>(validator::validate, FollowUp::eventId), FactWriter::insertFollowUp,
                f -> new Owner(f.repId(), f.teamId()));
    }

    static FactWriter<Sale> sales(String topic, SaleValidator validator) {
        return new FactWriter<>(topic, new RecordParser<>(validator::validate, Sale::eventId), FactWriter::insertSale,
                s -> new Owner(s.repId(), s.teamId()));
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public int write(DSLContext db, List<ConsumerRecord<String, byte[]>> records, Set<Owner> touched) {
        List<Query> inserts = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            T event = parser.parse(record);
            if (event != null) {
                touched.add(owner.apply(event));
                inserts.add(insert.apply(db, event));
            }
        }
        if (!inserts.isEmpty()) {
            db.batch(inserts).execute();
        }
        return inserts.size();
    }

    private static Query insertFollowUp(DSLContext db, FollowUp f) {
        return db.insertInto(FOLLOWUP)
                .set(FOLLOWUP.EVENT_ID, f.eventId())
                .set(FOLLOWUP.CUSTOMER_ID, f.customerId())
                .set(FOLLOWUP.CUSTOMER_NAME, f.customerName())
                .set(FOLLOWUP.PHONE, f.phone())
                .set(FOLLOWUP.EMAIL, f.email())
                .set(FOLLOWUP.WECHAT, f.wechat())
                .set(FOLLOWUP.COMPANY, f.company())
                .set(FOLLOWUP.POSITION, f.position())
                .set(FOLLOWUP.REP_ID, f.repId())
                .set(FOLLOWUP.REP_NAME, f.repName())
                .set(FOLLOWUP.TEAM_ID, f.teamId())
                .set(FOLLOWUP.OCCURRED_AT, f.occurredAt().atOffset(ZoneOffset.UTC))
                .set(FOLLOWUP.CHANNEL, f.channel().name())
                .set(FOLLOWUP.CONTENT, f.content())
                .set(FOLLOWUP.STAGE, f.stage())
                .set(FOLLOWUP.RESULT, f.result())
                .set(FOLLOWUP.NEXT_FOLLOW_UP_AT,
                        f.nextFollowUpAt() == null ? null : f.nextFollowUpAt().atOffset(ZoneOffset.UTC))
                .set(FOLLOWUP.LOST_REASON, f.lostReason())
                .set(FOLLOWUP.TAGS, f.tags() == null ? null : Json.MAPPER.writeValueAsString(f.tags()))
                .set(FOLLOWUP.LEVEL, f.level())
                .set(FOLLOWUP.SOURCE, f.source())
                .onConflictDoNothing();
    }

    private static Query insertSale(DSLContext db, Sale s) {
        return db.insertInto(SALE)
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
                .onConflictDoNothing();
    }
}
