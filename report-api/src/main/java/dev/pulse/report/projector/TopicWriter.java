package dev.pulse.report.projector;

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
}
