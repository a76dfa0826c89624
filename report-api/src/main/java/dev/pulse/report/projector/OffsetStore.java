package dev.pulse.report.projector;

import static dev.pulse.report.db.Tables.PROJECTOR_OFFSET;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.jooq.DSLContext;

/** The projector's consumer positions, kept in PostgreSQL beside the rows they produced. */
final class OffsetStore {

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

    void save(DSLContext db, Map<TopicPartition, Long> nextOffsets) {
        nextOffsets.forEach((partition, next) -> db.insertInto(PROJECTOR_OFFSET)
                .set(PROJECTOR_OFFSET.CONSUMER_GROUP, group)
                .set(PROJECTOR_OFFSET.TOPIC, partition.topic())
                .set(PROJECTOR_OFFSET.PARTITION_NO, partition.partition())
                .set(PROJECTOR_OFFSET.NEXT_OFFSET, next)
                .onConflict(PROJECTOR_OFFSET.CONSUMER_GROUP, PROJECTOR_OFFSET.TOPIC, PROJECTOR_OFFSET.PARTITION_NO)
                .doUpdate()
                .set(PROJECTOR_OFFSET.NEXT_OFFSET, next)
                .execute());
    }
}
