package dev.pulse.report.projector;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jooq.DSLContext;

/** Writes the records of one topic from one poll, inside the projector's transaction. */
public interface TopicWriter {

    String topic();

    /** @return how many records were projected (the rest were unusable and are counted as skipped) */
    int write(DSLContext db, List<ConsumerRecord<String, byte[]>> records);
}
