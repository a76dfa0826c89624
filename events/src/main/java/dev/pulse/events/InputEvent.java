package dev.pulse.events;

import dev.pulse.events.validation.FieldError;
import dev.pulse.events.validation.FollowUpValidator;
import dev.pulse.events.validation.SaleValidator;
import dev.pulse.events.validation.Validated;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One of the two input event types (DESIGN.md "Events"), described once for every service that
 * handles it: ingest (its API path, the metric name, the event id it assigns), the importer (the
 * path it posts to, the name in its event ids), the stream processor's intake and the projector
 * (the topic, the record type, the rules a record read back must meet). The fields and their rules
 * are the record ({@link FollowUp}, {@link Sale}) and its validator.
 *
 * @param name        "followup": in event ids, metrics and logs
 * @param plural      "followups": the API path, the importer's CLI, the names of the topology's steps
 * @param type        the record
 * @param topic       its topic in the catalogue
 * @param recorded    the rules for a record read back from its topic: all of ingest's but the clock's
 * @param eventId     the record's id, null when a client sent none
 * @param withEventId the record with the id ingest assigned
 * @param customerId  the key of its topic: one customer's events stay in order on one partition
 */
public record InputEvent<T>(
        String name,
        String plural,
        Class<T> type,
        Function<PulseTopics, Topic<String, T>> topic,
        Function<Pipeline, BiFunction<JsonNode, Integer, Validated<T>>> recorded,
        Function<T, UUID> eventId,
        BiFunction<T, UUID, T> withEventId,
        Function<T, String> customerId) {

    public static final InputEvent<FollowUp> FOLLOW_UP = new InputEvent<>("followup", "followups", FollowUp.class,
            PulseTopics::followups, pipeline -> FollowUpValidator.forRecorded(pipeline)::validate,
            FollowUp::eventId, FollowUp::withEventId, FollowUp::customerId);

    public static final InputEvent<Sale> SALE = new InputEvent<>("sale", "sales", Sale.class,
            PulseTopics::sales, pipeline -> SaleValidator.forRecorded()::validate,
            Sale::eventId, Sale::withEventId, Sale::customerId);

    /** Where ingest accepts it: {@code /api/v1/followups}, {@code /api/v1/sales}. */
    public String ingestPath() {
        return "/api/v1/" + plural;
    }

    public Topic<String, T> topicIn(PulseTopics topics) {
        return topic.apply(topics);
    }

    /** The validator of a record read back from the topic, for a consumer on {@code pipeline}. */
    public BiFunction<JsonNode, Integer, Validated<T>> recordedRules(Pipeline pipeline) {
        return recorded.apply(pipeline);
    }

    /**
     * Reads a record's value from the topic as its consumers must (the stream processor's intake, the
     * projector): UTF-8 JSON that meets {@code rules} and carries an eventId, or poison with the reason.
     */
    public Read<T> read(byte[] value, BiFunction<JsonNode, Integer, Validated<T>> rules) {
        if (value == null) {
            return Read.poison("empty value (tombstone)");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(value);
        } catch (JacksonException e) {
            return Read.poison("not JSON: " + e.getOriginalMessage());
        }
        Validated<T> validated = rules.apply(node, 0);
        if (!validated.isValid()) {
            return Read.poison(validated.errors().stream()
                    .map(FieldError::field).distinct().collect(Collectors.joining(", ", "invalid fields: ", ""))
                    + " (" + validated.errors().getFirst().message() + ")");
        }
        if (eventId.apply(validated.value()) == null) {
            return Read.poison("eventId is missing");
        }
        return new Read<>(validated.value(), null);
    }

    /** A record read back: the event, or null and why it is poison. */
    public record Read<T>(T event, String poisonReason) {

        static <T> Read<T> poison(String reason) {
            return new Read<>(null, reason);
        }

        public boolean isValid() {
            return event != null;
        }
    }
}
