package dev.pulse.report.projector;

import static dev.pulse.report.db.Tables.FOLLOWUP;

import dev.pulse.events.FollowUp;
import dev.pulse.events.Json;
import dev.pulse.events.validation.FollowUpValidator;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jooq.DSLContext;
import org.jooq.Query;

/** Follow-ups into the fact table, once per eventId whatever the number of deliveries. */
final class FollowUpWriter implements TopicWriter {

    private final String topic;
    private final RecordParser<FollowUp> parser;

    FollowUpWriter(String topic, FollowUpValidator validator) {
        this.topic = topic;
        this.parser = new RecordParser<>(validator::validate, FollowUp::eventId);
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
                .map(f -> (Query) db.insertInto(FOLLOWUP)
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
                        .onConflictDoNothing())
                .toList();
        if (!inserts.isEmpty()) {
            db.batch(inserts).execute();
        }
        return inserts.size();
    }
}
