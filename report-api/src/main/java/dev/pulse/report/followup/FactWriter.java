package dev.pulse.report.followup;

import static dev.pulse.report.db.Tables.FOLLOWUP;
import static dev.pulse.report.db.Tables.SALE;

import dev.pulse.events.FollowUp;
import dev.pulse.events.InputEvent;
import dev.pulse.events.Json;
import dev.pulse.events.Pipeline;
import dev.pulse.events.PulseTopics;
import dev.pulse.events.Sale;
import dev.pulse.report.projector.Owner;
import dev.pulse.report.projector.RecordParser;
import dev.pulse.report.projector.TopicWriter;
import dev.pulse.report.sql.CopyInsert;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * Input events into their fact table, once per eventId whatever the number of deliveries: the
 * poll's events are streamed in with COPY and inserted ignoring a conflict on any unique key
 * ({@link CopyInsert}), so a repeated eventId (or a sale's repeated orderId) is skipped instead of
 * failing, and blocking, the whole batch; within a poll the first delivery wins, as it would one
 * statement at a time.
 */
final class FactWriter<T> implements TopicWriter {

    private static final List<Field<?>> FOLLOW_UP_COLUMNS = List.of(FOLLOWUP.EVENT_ID, FOLLOWUP.CUSTOMER_ID,
            FOLLOWUP.CUSTOMER_NAME, FOLLOWUP.PHONE, FOLLOWUP.EMAIL, FOLLOWUP.WECHAT, FOLLOWUP.COMPANY, FOLLOWUP.POSITION,
            FOLLOWUP.REP_ID, FOLLOWUP.REP_NAME, FOLLOWUP.TEAM_ID, FOLLOWUP.OCCURRED_AT, FOLLOWUP.CHANNEL,
            FOLLOWUP.CONTENT, FOLLOWUP.STAGE, FOLLOWUP.RESULT, FOLLOWUP.NEXT_FOLLOW_UP_AT, FOLLOWUP.LOST_REASON,
            FOLLOWUP.TAGS, FOLLOWUP.LEVEL, FOLLOWUP.SOURCE, FOLLOWUP.EXPECTED_AMOUNT, FOLLOWUP.EXPECTED_CURRENCY,
            FOLLOWUP.EXPECTED_CLOSE_DATE);
    private static final List<Field<?>> SALE_COLUMNS = List.of(SALE.EVENT_ID, SALE.ORDER_ID, SALE.CUSTOMER_ID,
            SALE.REP_ID, SALE.TEAM_ID, SALE.PRODUCT, SALE.AMOUNT, SALE.CURRENCY, SALE.PAYMENT_METHOD, SALE.OCCURRED_AT,
            SALE.SHIPPING_STATUS);

    private final String topic;
    private final RecordParser<T> parser;
    private final Table<?> table;
    private final List<Field<?>> columns;
    private final Function<T, Object[]> values;
    private final Function<T, Owner> owner;

    private FactWriter(String topic, RecordParser<T> parser, Table<?> table, List<Field<?>> columns,
                       Function<T, Object[]> values, Function<T, Owner> owner) {
        this.topic = topic;
        this.parser = parser;
        this.table = table;
        this.columns = columns;
        this.values = values;
        this.owner = owner;
    }

    static FactWriter<FollowUp> followUps(PulseTopics topics, Pipeline pipeline) {
        InputEvent<FollowUp> event = InputEvent.FOLLOW_UP;
        return new FactWriter<>(event.topicIn(topics).name(), new RecordParser<>(event, event.recordedRules(pipeline)),
                FOLLOWUP, FOLLOW_UP_COLUMNS, FactWriter::followUpValues, f -> new Owner(f.repId(), f.teamId()));
    }

    static FactWriter<Sale> sales(PulseTopics topics, Pipeline pipeline) {
        InputEvent<Sale> event = InputEvent.SALE;
        return new FactWriter<>(event.topicIn(topics).name(), new RecordParser<>(event, event.recordedRules(pipeline)),
                SALE, SALE_COLUMNS, FactWriter::saleValues, s -> new Owner(s.repId(), s.teamId()));
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public int write(DSLContext db, List<ConsumerRecord<String, byte[]>> records, Set<Owner> touched) {
        List<T> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            T event = parser.parse(record);
            if (event != null) {
                touched.add(owner.apply(event));
                events.add(event);
            }
        }
        CopyInsert.insertIgnoringConflicts(db, table, columns, events, values);
        return events.size();
    }

    private static Object[] followUpValues(FollowUp f) {
        return new Object[] {f.eventId(), f.customerId(), f.customerName(), f.phone(), f.email(), f.wechat(),
                f.company(), f.position(), f.repId(), f.repName(), f.teamId(), f.occurredAt().atOffset(ZoneOffset.UTC),
                f.channel().name(), f.content(), f.stage(), f.result(),
                f.nextFollowUpAt() == null ? null : f.nextFollowUpAt().atOffset(ZoneOffset.UTC), f.lostReason(),
                f.tags() == null ? null : Json.MAPPER.writeValueAsString(f.tags()), f.level(), f.source(),
                f.expectedAmount(), f.expectedCurrency(), f.expectedCloseDate()};
    }

    private static Object[] saleValues(Sale s) {
        return new Object[] {s.eventId(), s.orderId(), s.customerId(), s.repId(), s.teamId(), s.product(), s.amount(),
                s.currency(), s.paymentMethod(), s.occurredAt().atOffset(ZoneOffset.UTC), s.shippingStatus()};
    }
}
