package dev.pulse.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * For a test class that states whole answers of the report API as a table: its static
 * {@code answers()} gives each case a name, the path and query after {@code /api/v1/}, and the answer,
 * worked out by hand from the class's seed; this asks for each and compares the whole of it.
 */
interface StatedAnswers {

    /** The report API the class seeded. */
    RunningReport report();

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    default void shouldAnswerAsStated(String pathAndQuery, JsonNode expected) {
        assertThat(report().getJson("/api/v1/" + pathAndQuery)).isEqualTo(expected);
    }
}
