package dev.pulse.processor.intake;

import dev.pulse.events.Json;
import dev.pulse.events.PoisonRecord;
import dev.pulse.events.validation.FieldError;
import dev.pulse.events.validation.Validated;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Parses raw bytes and applies the same validation as ingest. Anything that fails (not UTF-8 JSON,
 * a broken field, a missing eventId) becomes a {@link PoisonRecord} carrying its origin and reason,
 * instead of an exception that would stop the stream thread.
 */
final class ParseProcessor<T> implements FixedKeyProcessor<String, byte[], Parsed<T>> {

    private static final int PAYLOAD_LIMIT = 16 * 1024;

    private final BiFunction<JsonNode, Integer, Validated<T>> validator;
    private final java.util.function.Function<T, ?> eventId;
    private FixedKeyProcessorContext<String, Parsed<T>> context;

    ParseProcessor(BiFunction<JsonNode, Integer, Validated<T>> validator, java.util.function.Function<T, ?> eventId) {
        this.validator = validator;
        this.eventId = eventId;
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
        if (record.value() == null) {
            return poison(record, "empty value (tombstone)");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(record.value());
        } catch (JacksonException e) {
            return poison(record, "not JSON: " + e.getOriginalMessage());
        }
        Validated<T> validated = validator.apply(node, 0);
        if (!validated.isValid()) {
            return poison(record, validated.errors().stream()
                    .map(FieldError::field).distinct().collect(Collectors.joining(", ", "invalid fields: ", ""))
                    + " (" + validated.errors().getFirst().message() + ")");
        }
        if (eventId.apply(validated.value()) == null) {
            return poison(record, "eventId is missing");
        }
        return new Parsed<>(validated.value(), null);
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
