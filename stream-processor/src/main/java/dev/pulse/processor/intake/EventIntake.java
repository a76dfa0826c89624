package dev.pulse.processor.intake;

import dev.pulse.events.PoisonRecord;
import dev.pulse.events.Topic;
import dev.pulse.events.validation.Validated;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import tools.jackson.databind.JsonNode;

/**
 * The entrance of every topology: raw records of one input topic (String customerId -> JSON bytes)
 * become valid events (String customerId -> T); the customer processor drops a repeated eventId.
 * Poison records go to the error topic
 * as {@link PoisonRecord} JSON, keyed as they came, and the stream goes on.
 *
 * @param name       prefix of every processor and store this step adds, e.g. "followups"
 * @param inputTopic read as bytes, not with its serde: a record that is not a valid {@code T} is poison, not a crash
 * @param errorTopic where poison records go
 */
public record EventIntake<T>(
        String name,
        Topic<String, T> inputTopic,
        Topic<String, PoisonRecord> errorTopic,
        Class<T> type,
        BiFunction<JsonNode, Integer, Validated<T>> validator,
        Function<T, UUID> eventId) {

    public KStream<String, T> build(StreamsBuilder builder) {
        KStream<String, Parsed<T>> parsed = builder
                .stream(inputTopic.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(name + "-source"))
                .processValues(() -> new ParseProcessor<>(validator, eventId), Named.as(name + "-parse"));
        parsed.filter((key, value) -> !value.isValid(), Named.as(name + "-poison"))
                .mapValues(Parsed::poison, Named.as(name + "-poison-reason"))
                .to(errorTopic.name(), Produced.with(errorTopic.keySerde(), errorTopic.valueSerde())
                        .withName(name + "-errors-sink"));
        return parsed.filter((key, value) -> value.isValid(), Named.as(name + "-valid"))
                .mapValues(Parsed::value, Named.as(name + "-event"));
    }
}
