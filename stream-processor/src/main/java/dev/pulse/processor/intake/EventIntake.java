package dev.pulse.processor.intake;

import dev.pulse.events.InputEvent;
import dev.pulse.events.PoisonRecord;
import dev.pulse.events.PulseTopics;
import dev.pulse.events.Topic;
import dev.pulse.events.validation.Validated;
import java.util.function.BiFunction;
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
 * @param event      which input: its topic and its ids; its plural ("followups") prefixes every processor
 *                   and store this step adds
 * @param topics     the catalogue: the input topic is read as bytes, not with its serde (a record that is
 *                   not a valid {@code T} is poison, not a crash); poison goes to its error topic
 * @param validator  the rules a record must meet
 */
public record EventIntake<T>(
        InputEvent<T> event,
        PulseTopics topics,
        BiFunction<JsonNode, Integer, Validated<T>> validator) {

    public KStream<String, T> build(StreamsBuilder builder) {
        String name = event.plural();
        Topic<String, PoisonRecord> errorTopic = topics.errors();
        KStream<String, Parsed<T>> parsed = builder
                .stream(event.topicIn(topics).name(),
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(name + "-source"))
                .processValues(() -> new ParseProcessor<>(event, validator), Named.as(name + "-parse"));
        parsed.filter((key, value) -> !value.isValid(), Named.as(name + "-poison"))
                .mapValues(Parsed::poison, Named.as(name + "-poison-reason"))
                .to(errorTopic.name(), Produced.with(errorTopic.keySerde(), errorTopic.valueSerde())
                        .withName(name + "-errors-sink"));
        return parsed.filter((key, value) -> value.isValid(), Named.as(name + "-valid"))
                .mapValues(Parsed::value, Named.as(name + "-event"));
    }
}
