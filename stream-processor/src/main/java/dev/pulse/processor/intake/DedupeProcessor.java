package dev.pulse.processor.intake;

import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Lets each eventId through once: a client's retry of an accepted request must count once.
 * Events are keyed by customerId, so every copy of one event reaches the same task and store.
 */
final class DedupeProcessor<T> implements FixedKeyProcessor<String, T, T> {

    private final String storeName;
    private final Function<T, UUID> eventId;
    private FixedKeyProcessorContext<String, T> context;
    private KeyValueStore<String, Long> seen;

    DedupeProcessor(String storeName, Function<T, UUID> eventId) {
        this.storeName = storeName;
        this.eventId = eventId;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, T> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, T> record) {
        String id = eventId.apply(record.value()).toString();
        if (seen.get(id) == null) {
            seen.put(id, record.timestamp());
            context.forward(record);
        }
    }
}
