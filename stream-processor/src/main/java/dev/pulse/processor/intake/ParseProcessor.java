package dev.pulse.processor.intake;

import dev.pulse.events.InputEvent;
import dev.pulse.events.PoisonRecord;
import dev.pulse.events.validation.Validated;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.BiFunction;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import tools.jackson.databind.JsonNode;

/**
 * Reads raw bytes as every consumer of an input topic does ({@link InputEvent#read}). Anything that
 * fails (not UTF-8 JSON, a broken field, a missing eventId) becomes a {@link PoisonRecord} carrying
 * its origin and reason, instead of an exception that would stop the stream thread.
 */
final class ParseProcessor<T> implements FixedKeyProcessor<String, byte[], Parsed<T>> {

    private static final int PAYLOAD_LIMIT = 16 * 1024;

    private final InputEvent<T> event;
    private final BiFunction<JsonNode, Integer, Validated<T>> validator;
    private FixedKeyProcessorContext<String, Parsed<T>> context;

    ParseProcessor(InputEvent<T> event, BiFunction<JsonNode, Integer, Validated<T>> validator) {
        this.event = event;
        this.validator = validator;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Parsed<T>> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        context.forward(record.withValue(parse(record)));
    }

    private Parsed<T> parse(FixedKeyRecord<String, byte[]> record) {
        InputEvent.Read<T> read = event.read(record.value(), validator);
        return read.isValid() ? new Parsed<>(read.event(), null) : poison(record, read.poisonReason());
    }

    private Parsed<T> poison(FixedKeyRecord<String, byte[]> record, String reason) {
        RecordMetadata origin = context.recordMetadata().orElseThrow();
        String payload = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
        if (payload != null && payload.length() > PAYLOAD_LIMIT) {
            payload = payload.substring(0, PAYLOAD_LIMIT);
        }
        return new Parsed<>(null, new PoisonRecord(origin.topic(), origin.partition(), origin.offset(),
                record.key(), reason, payload, Instant.ofEpochMilli(context.currentSystemTimeMs())));
    }
}
