package dev.pulse.events;

import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON configuration of every Pulse topic: ISO-8601 times, unknown fields ignored. */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    // Map keys are parsed as property names. Pulse's maps have open key sets (order ids,
                    // duplicate-entry fingerprints, a client's tags): canonicalising them grows one shared
                    // symbol table for ever, copied on every new name, which held the stream processor
                    // to ~1,000 events/s; and a hostile payload of many distinct names could overflow it.
                    .disable(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES)
                    .build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Amounts are money: a JSON number must never pass through a double on its way to BigDecimal.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /**
     * For state stores, which only the stream processor reads back: times as epoch milliseconds,
     * which parse several times faster than ISO-8601 text and are read and written on every event.
     */
    public static final JsonMapper STATE = MAPPER.rebuild()
            .enable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DateTimeFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
            .disable(DateTimeFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
            .build();

    private Json() {
    }
}
