package dev.pulse.report.projector;

import dev.pulse.events.PulseTopics;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jooq.DSLContext;

/** Writes the records of one topic from one poll, inside the projector's transaction. */
public interface TopicWriter {

    String topic();

    /**
     * @param touched the writer adds the owner of every record it projects, for the live stream
     * @return how many records were projected (the rest were unusable and are counted as skipped)
     */
    int write(DSLContext db, List<ConsumerRecord<String, byte[]>> records, Set<Owner> touched);

    /**
     * A feature's contribution to the projector, as a Spring bean in the feature's package: the projector
     * asks every factory once per consumer thread, so each worker has writers of its own, and never
     * imports the features (they import this package). Order does not matter: the projector hands each
     * topic's records to the one writer of that topic, in the order the poll returned the partitions.
     */
    interface Factory {

        /** New writers, one per topic this feature projects. */
        List<TopicWriter> create(PulseTopics topics);
    }
}
