package dev.pulse.report.projector;

import static dev.pulse.report.db.Tables.PROJECTOR_OFFSET;
import static org.jooq.impl.DSL.excluded;

import dev.pulse.report.sql.MultiRowInsert;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.jooq.DSLContext;
import org.jooq.Field;

/** The projector's consumer positions, kept in PostgreSQL beside the rows they produced. */
final class OffsetStore {

    private static final List<Field<?>> COLUMNS = List.of(PROJECTOR_OFFSET.CONSUMER_GROUP, PROJECTOR_OFFSET.TOPIC,
            PROJECTOR_OFFSET.PARTITION_NO, PROJECTOR_OFFSET.NEXT_OFFSET);

    private final String group;

    OffsetStore(String group) {
        this.group = group;
    }

    Map<TopicPartition, Long> load(DSLContext db, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> all = db.selectFrom(PROJECTOR_OFFSET)
                .where(PROJECTOR_OFFSET.CONSUMER_GROUP.eq(group))
                .fetch()
                .stream()
                .collect(Collectors.toMap(r -> new TopicPartition(r.getTopic(), r.getPartitionNo()),
                        r -> r.getNextOffset()));
        all.keySet().retainAll(partitions);
        return all;
    }

    /** Every partition's next offset in one upsert. */
    void save(DSLContext db, Map<TopicPartition, Long> nextOffsets) {
        MultiRowInsert.insert(db, PROJECTOR_OFFSET, COLUMNS, nextOffsets.entrySet(),
                next -> new Object[] {group, next.getKey().topic(), next.getKey().partition(), next.getValue()},
                insert -> insert.onConflict(PROJECTOR_OFFSET.CONSUMER_GROUP, PROJECTOR_OFFSET.TOPIC,
                                PROJECTOR_OFFSET.PARTITION_NO)
                        .doUpdate()
                        .set(PROJECTOR_OFFSET.NEXT_OFFSET, excluded(PROJECTOR_OFFSET.NEXT_OFFSET)));
    }
}
