package dev.pulse.report.duplicates;

import static dev.pulse.report.db.Tables.DUPLICATE_FLAG;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.when;

import dev.pulse.events.Topic;
import dev.pulse.events.duplicates.DuplicateFlag;
import dev.pulse.events.duplicates.DuplicateType;
import dev.pulse.report.projector.Owner;
import dev.pulse.report.projector.TopicWriter;
import dev.pulse.report.sql.MultiRowInsert;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * Duplicate flags into duplicate_flag: the last update of each flag in a poll, all in one multi-row
 * upsert. A manager's dismissal stands until the flag gains a member: a new customer or rep, or (for
 * a duplicate entry) another copy of the entry; then the flag opens again, still showing who
 * dismissed it before and why.
 */
final class DuplicateFlagWriter implements TopicWriter {

    private static final List<Field<?>> COLUMNS = List.of(DUPLICATE_FLAG.FLAG_ID, DUPLICATE_FLAG.TYPE,
            DUPLICATE_FLAG.FLAG_KEY, DUPLICATE_FLAG.CUSTOMER_IDS, DUPLICATE_FLAG.REP_IDS, DUPLICATE_FLAG.EVENT_IDS,
            DUPLICATE_FLAG.FIRST_SEEN_AT, DUPLICATE_FLAG.UPDATED_AT);

    private final String topic;
    private final Deserializer<DuplicateFlag> flags;

    DuplicateFlagWriter(Topic<String, DuplicateFlag> topic) {
        this.topic = topic.name();
        this.flags = topic.valueSerde().deserializer();
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public int write(DSLContext db, List<ConsumerRecord<String, byte[]>> records, Set<Owner> touched) {
        // flag id -> its last update in the poll, in id order (the order rows are locked in)
        Map<String, DuplicateFlag> latest = new TreeMap<>();
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
        Map<Field<?>, Object> update = new LinkedHashMap<>();
        // a dismissal (status, dismissed_by, _reason, _at) stands unless the flag grew; who dismissed it stays
        update.put(DUPLICATE_FLAG.STATUS, when(grew, inline("OPEN")).otherwise(DUPLICATE_FLAG.STATUS));
        for (Field<?> membership : List.of(DUPLICATE_FLAG.CUSTOMER_IDS, DUPLICATE_FLAG.REP_IDS, DUPLICATE_FLAG.EVENT_IDS,
                DUPLICATE_FLAG.FIRST_SEEN_AT, DUPLICATE_FLAG.UPDATED_AT)) {
            update.put(membership, excluded(membership));
        }
        MultiRowInsert.insert(db, DUPLICATE_FLAG, COLUMNS, latest.values(), flag -> new Object[] {
                        UUID.fromString(flag.flagId()), flag.type().name(), flag.key(),
                        flag.customerIds().toArray(String[]::new), flag.repIds().toArray(String[]::new),
                        flag.eventIds().toArray(String[]::new), flag.firstSeenAt().atOffset(ZoneOffset.UTC),
                        flag.updatedAt().atOffset(ZoneOffset.UTC)},
                insert -> insert.onConflict(DUPLICATE_FLAG.FLAG_ID).doUpdate().set(update));
        return latest.size();
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
