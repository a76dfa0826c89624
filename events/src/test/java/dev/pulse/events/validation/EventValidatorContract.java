package dev.pulse.events.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.events.Json;
import dev.pulse.events.messages.MessageCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the follow-up and the sale validators promise alike (DESIGN.md "Events"), run by each one's
 * test against its own records. The extending test provides the cases as static methods:
 * {@code requiredFields()} (field names) and {@code oneRuleBroken()} (rule, field, value, the one
 * error expected).
 */
abstract class EventValidatorContract<T> {

    /** A validator's validate method: one record, and its index in the request. */
    interface Validation<T> {
        Validated<T> validate(JsonNode record, int index);
    }

    private final Validation<T> validation;
    private final Validation<T> recorded;

    /**
     * @param validation the validator under test, its clock at {@link TestValidators#NOW}
     * @param recorded   the same rules for a reader of the topic: every one but the clock's
     */
    EventValidatorContract(Validation<T> validation, Validation<T> recorded) {
        this.validation = validation;
        this.recorded = recorded;
    }

    /** The smallest record the contract accepts. */
    abstract ObjectNode minimal();

    Validated<T> validate(JsonNode record, int index) {
        return validation.validate(record, index);
    }

    /** The minimal record with one field set to {@code value}: text, or a number or boolean where the contract wants another. */
    ObjectNode minimalWith(String field, Object value) {
        return TestValidators.with(minimal(), field, value);
    }

    /** The minimal record with {@code field} set to {@code value} is refused, naming that field alone. */
    void assertOnlyFieldRefused(String field, Object value) {
        assertThat(validate(minimalWith(field, value), 0).errors()).extracting(FieldError::field).containsExactly(field);
    }

    @ParameterizedTest
    @MethodSource("requiredFields")
    void shouldNameTheMissingRequiredFieldAndTheRecordIndex(String field) {
        // given
        ObjectNode record = minimal();
        record.remove(field);

        // when
        Validated<T> result = validate(record, 7);

        // then
        assertThat(result.isValid()).isFalse();
        assertThat(result.value()).isNull();
        assertThat(result.errors()).containsExactly(new FieldError(7, field, MessageCode.REQUIRED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneRuleBroken")
    void shouldRejectAFieldThatBreaksOneRuleWithTheErrorNamingIt(String rule, String field, Object value,
            FieldError expected) {
        assertThat(validate(minimalWith(field, value), 0).errors()).containsExactly(expected);
    }

    @Test
    void shouldHoldARecordedEventToEveryRuleButTheClock() {
        // given a time ten years ahead of any clock, and one before 1990, read from the topic
        ObjectNode ahead = minimal().put("occurredAt", "2036-11-24T04:00:00Z");
        ObjectNode before1990 = minimal().put("occurredAt", "1989-12-31T23:59:59Z");

        // when / then: ingest's clock decided the first when it arrived; the other is poison however late
        assertThat(recorded.validate(ahead, 0).errors()).isEmpty();
        assertThat(recorded.validate(before1990, 0).errors()).extracting(FieldError::field).containsExactly("occurredAt");
    }

    @Test
    void shouldRejectSomethingThatIsNotAJsonObject() {
        // given
        var array = Json.MAPPER.readTree("[{\"customerId\": \"C-1001\"}]");

        // when
        Validated<T> result = validate(array, 5);

        // then
        assertThat(result.errors()).containsExactly(new FieldError(5, "", MessageCode.NOT_AN_OBJECT));
    }
}
