package dev.pulse.ingest.intake;

import dev.pulse.events.InputEvent;
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
     * How ingest takes one input event type: the type's description, the topic it goes to, ingest's
     * rules (the clock's included) and what else may refuse a request.
     *
     * @param refusals what a request of valid records may still be refused for as a whole (the
     *                 pool's claim limit): thrown, so that nothing of it is written
     */
    public record EventType<T>(
            InputEvent<T> event,
            String topic,
            BiFunction<JsonNode, Integer, Validated<T>> validator,
            Consumer<List<T>> refusals) {
    }

    public <T> List<UUID> accept(EventType<T> type, List<JsonNode> nodes) {
        List<T> events = new ArrayList<>(nodes.size());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Validated<T> result = type.validator().apply(nodes.get(i), i);
            if (result.isValid()) {
                T event = result.value();
                events.add(type.event().eventId().apply(event) == null
                        ? type.event().withEventId().apply(event, UUID.randomUUID()) : event);
            } else {
                errors.addAll(result.errors());
            }
        }
        if (!errors.isEmpty()) {
            meters.counter("pulse.ingest.rejected", "type", type.event().name()).increment(nodes.size());
            throw new InvalidRecordsException(errors);
        }
        type.refusals().accept(events);
        publisher.publishAll(events.stream()
                .map(e -> new ProducerRecord<>(type.topic(), type.event().customerId().apply(e), Json.MAPPER.writeValueAsBytes(e)))
                .toList());
        meters.counter("pulse.ingest.accepted", "type", type.event().name()).increment(events.size());
        return events.stream().map(type.event().eventId()).toList();
    }
}
