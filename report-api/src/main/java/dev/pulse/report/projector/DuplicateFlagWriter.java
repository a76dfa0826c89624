package dev.pulse.report.projector;

import static dev.pulse.report.db.Tables.DUPLICATE_FLAG;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.when;

import dev.pulse.events.JsonSerde;
import dev.pulse.events.duplicates.DuplicateFlag;
import dev.pulse.events.duplicates.DuplicateType;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Query;

/**
 * Duplicate flags into duplicate_flag, last update per flag in a batch. A manager's dismissal
 * stands until the flag gains a member: a new customer or rep, or (for a duplicate entry) another
 * copy of the entry; then the flag opens again, still showing who dismissed it before and why.
 */
final class DuplicateFlagWriter implements TopicWriter {

    private final String topic;
    private final Deserializer<DuplicateFlag> flags = JsonSerde.of(DuplicateFlag.class).deserializer();

    DuplicateFlagWriter(String topic) {
        this.topic = topic;
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public int write(DSLContext db, List<ConsumerRecord<String, byte[]>> records, Set<Owner> touched) {
        Map<String, DuplicateFlag> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            DuplicateFlag flag = readable(record);
            if (flag != null) {
                latest.put(flag.flagId(), flag);
                flag.repIds().forEach(repId -> touched.add(new Owner(repId, null)));
            }
        }
        Condition grew = DUPLICATE_FLAG.CUSTOMER_IDS.ne(excluded(DUPLICATE_FLAG.CUSTOMER_IDS))
                .or(DUPLICATE_FLAG.REP_IDS.ne(excluded(DUPLICATE_FLAG.REP_IDS)))
                .or(DUPLICATE_FLAG.TYPE.eq(DuplicateType.DUPLICATE_ENTRY.name())
                        .and(DUPLICATE_FLAG.EVENT_IDS.ne(excluded(DUPLICATE_FLAG.EVENT_IDS))));
        List<Query> upserts = latest.values().stream().map(flag -> (Query) db.insertInto(DUPLICATE_FLAG)
                .set(DUPLICATE_FLAG.FLAG_ID, UUID.fromString(flag.flagId()))
                .set(DUPLICATE_FLAG.TYPE, flag.type().name())
                .set(DUPLICATE_FLAG.FLAG_KEY, flag.key())
                .set(DUPLICATE_FLAG.CUSTOMER_IDS, flag.customerIds().toArray(String[]::new))
                .set(DUPLICATE_FLAG.REP_IDS, flag.repIds().toArray(String[]::new))
                .set(DUPLICATE_FLAG.EVENT_IDS, flag.eventIds().toArray(String[]::new))
                .set(DUPLICATE_FLAG.FIRST_SEEN_AT, flag.firstSeenAt().atOffset(ZoneOffset.UTC))
                .set(DUPLICATE_FLAG.UPDATED_AT, flag.updatedAt().atOffset(ZoneOffset.UTC))
                .onConflict(DUPLICATE_FLAG.FLAG_ID)
                .doUpdate()
                .set(DUPLICATE_FLAG.STATUS, when(grew, inline("OPEN")).otherwise(DUPLICATE_FLAG.STATUS))
                .set(DUPLICATE_FLAG.CUSTOMER_IDS, excluded(DUPLICATE_FLAG.CUSTOMER_IDS))
                .set(DUPLICATE_FLAG.REP_IDS, excluded(DUPLICATE_FLAG.REP_IDS))
                .set(DUPLICATE_FLAG.EVENT_IDS, excluded(DUPLICATE_FLAG.EVENT_IDS))
                .set(DUPLICATE_FLAG.FIRST_SEEN_AT, excluded(DUPLICATE_FLAG.FIRST_SEEN_AT))
                .set(DUPLICATE_FLAG.UPDATED_AT, excluded(DUPLICATE_FLAG.UPDATED_AT)))
                .toList();
        if (!upserts.isEmpty()) {
            db.batch(upserts).execute();
        }
        return upserts.size();
    }

    /** Flags are written only by the stream processor; an unreadable one is skipped, never allowed to block. */
    private DuplicateFlag readable(ConsumerRecord<String, byte[]> record) {
        try {
            DuplicateFlag flag = flags.deserialize(topic, record.value());
            boolean complete = flag != null && flag.type() != null && flag.key() != null
                    && flag.firstSeenAt() != null && flag.updatedAt() != null;
            return complete ? flag : null;
        } catch (SerializationException e) {
            return null;
        }
    }
}
