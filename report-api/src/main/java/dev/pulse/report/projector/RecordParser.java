package dev.pulse.report.projector;

import dev.pulse.events.InputEvent;
import dev.pulse.events.validation.Validated;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;

/**
 * Reads a raw input record as the stream processor's intake does ({@link InputEvent#read}). Poison is
 * reported on the error topic by the stream processor; here it is only skipped, so one bad record
 * never blocks the read model.
 */
public final class RecordParser<T> {

    private final InputEvent<T> event;
    private final BiFunction<JsonNode, Integer, Validated<T>> rules;

    public RecordParser(InputEvent<T> event, BiFunction<JsonNode, Integer, Validated<T>> rules) {
        this.event = event;
        this.rules = rules;
    }

    /** @return the event, or null when the record is not a valid event with an eventId */
    public T parse(ConsumerRecord<String, byte[]> record) {
        return event.read(record.value(), rules).event();
    }
}
