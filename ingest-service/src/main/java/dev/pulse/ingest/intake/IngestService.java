package dev.pulse.ingest.intake;

import dev.pulse.events.Json;
import dev.pulse.events.validation.FieldError;
import dev.pulse.events.validation.Validated;
import dev.pulse.ingest.publish.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Validates every record of a request first and writes only when all are valid, keyed by
 * customerId; a record without an eventId gets a fresh one, which the answer reports.
 */
@Service
public class IngestService {

    private final EventPublisher publisher;
    private final MeterRegistry meters;

    public IngestService(EventPublisher publisher, MeterRegistry meters) {
        this.publisher = publisher;
        this.meters = meters;
    }

    /**
     * How one event type is validated, identified and keyed.
     *
     * @param refusals what a request of valid records may still be refused for as a whole (the
     *                 pool's claim limit): thrown, so that nothing of it is written
     */
    public record EventType<T>(
            String name,
            String topic,
            BiFunction<JsonNode, Integer, Validated<T>> validator,
            Function<T, UUID> eventId,
            BiFunction<T, UUID, T> withEventId,
            Function<T, String> key,
            Consumer<List<T>> refusals) {
    }

    public <T> List<UUID> accept(EventType<T> type, List<JsonNode> nodes) {
        List<T> events = new ArrayList<>(nodes.size());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Validated<T> result = type.validator().apply(nodes.get(i), i);
            if (result.isValid()) {
                T event = result.value();
                events.add(type.eventId().apply(event) == null ? type.withEventId().apply(event, UUID.randomUUID()) : event);
            } else {
                errors.addAll(result.errors());
            }
        }
        if (!errors.isEmpty()) {
            meters.counter("pulse.ingest.rejected", "type", type.name()).increment(nodes.size());
            throw new InvalidRecordsException(errors);
        }
        type.refusals().accept(events);
        publisher.publishAll(events.stream()
                .map(e -> new ProducerRecord<>(type.topic(), type.key().apply(e), Json.MAPPER.writeValueAsBytes(e)))
                .toList());
        meters.counter("pulse.ingest.accepted", "type", type.name()).increment(events.size());
        return events.stream().map(type.eventId()).toList();
    }
}
