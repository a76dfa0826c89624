package dev.pulse.events.validation;

import dev.pulse.events.Json;
import dev.pulse.events.Pipeline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import tools.jackson.databind.node.ObjectNode;

/** The validators as ingest runs them, their clock fixed at {@link #NOW}, for the validation tests. */
final class TestValidators {

    /** The validators' "now": every future/past rule in the tests is measured from here. */
    static final Instant NOW = Instant.parse("2026-11-24T04:00:00Z");

    /** Five minutes of clock skew allowed, as ingest allows it. */
    private static final Duration SKEW = Duration.ofMinutes(5);

    private TestValidators() {
    }

    static FollowUpValidator followUps() {
        return new FollowUpValidator(Pipeline.defaults(), Clock.fixed(NOW, ZoneOffset.UTC), SKEW);
    }

    static SaleValidator sales() {
        return new SaleValidator(Clock.fixed(NOW, ZoneOffset.UTC), SKEW);
    }

    /** {@code record} with one field set to {@code value}: text, or a number or boolean where the contract wants another. */
    static ObjectNode with(ObjectNode record, String field, Object value) {
        record.set(field, Json.MAPPER.valueToTree(value));
        return record;
    }
}
