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
import dev.pulse.report.projector.ProjectingWriter;
import dev.pulse.report.projector.TopicWriter;
import dev.pulse.report.sql.CopyInsert;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.Field;
import org.springframework.stereotype.Component;

/**
 * Input events into their fact table, once per eventId whatever the number of deliveries: the
 * poll's events are streamed in with COPY and inserted ignoring a conflict on any unique key
 * ({@link CopyInsert}), so a repeated eventId (or a sale's repeated orderId) is skipped instead of
 * failing, and blocking, the whole batch; within a poll the first delivery wins, as it would one
 * statement at a time.
 */
@Component
class FactWriter implements TopicWriter.Factory {

    private static final List<Field<?>> FOLLOW_UP_COLUMNS = List.of(FOLLOWUP.EVENT_ID, FOLLOWUP.CUSTOMER_ID,
            FOLLOWUP.CUSTOMER_NAME, FOLLOWUP.PHONE, FOLLOWUP.EMAIL, FOLLOWUP.WECHAT, FOLLOWUP.COMPANY, FOLLOWUP.POSITION,
            FOLLOWUP.REP_ID, FOLLOWUP.REP_NAME, FOLLOWUP.TEAM_ID, FOLLOWUP.OCCURRED_AT, FOLLOWUP.CHANNEL,
            FOLLOWUP.CONTENT, FOLLOWUP.STAGE, FOLLOWUP.RESULT, FOLLOWUP.NEXT_FOLLOW_UP_AT, FOLLOWUP.LOST_REASON,
            FOLLOWUP.TAGS, FOLLOWUP.LEVEL, FOLLOWUP.SOURCE, FOLLOWUP.EXPECTED_AMOUNT, FOLLOWUP.EXPECTED_CURRENCY,
            FOLLOWUP.EXPECTED_CLOSE_DATE);
    private static final List<Field<?>> SALE_COLUMNS = List.of(SALE.EVENT_ID, SALE.ORDER_ID, SALE.CUSTOMER_ID,
            SALE.REP_ID, SALE.TEAM_ID, SALE.PRODUCT, SALE.AMOUNT, SALE.CURRENCY, SALE.PAYMENT_METHOD, SALE.OCCURRED_AT,
            SALE.SHIPPING_STATUS);

    private final Pipeline pipeline;

    FactWriter(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public List<TopicWriter> create(PulseTopics topics) {
        return List.of(
                ProjectingWriter.input(InputEvent.FOLLOW_UP, topics, pipeline, f -> new Owner(f.repId(), f.teamId()),
                        (db, followUps) -> CopyInsert.insertIgnoringConflicts(db, FOLLOWUP, FOLLOW_UP_COLUMNS, followUps,
                                FactWriter::followUpValues)),
                ProjectingWriter.input(InputEvent.SALE, topics, pipeline, s -> new Owner(s.repId(), s.teamId()),
                        (db, sales) -> CopyInsert.insertIgnoringConflicts(db, SALE, SALE_COLUMNS, sales,
                                FactWriter::saleValues)));
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
