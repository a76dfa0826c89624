package dev.pulse.importer.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026/11/3 14:05            | 2026-11-03T06:05:00Z",
            "2026/11/03 14:05:30        | 2026-11-03T06:05:30Z",
            "2026-11-03                 | 2026-11-02T16:00:00Z",
            "2026-11-03 14:05           | 2026-11-03T06:05:00Z",
            "2026-11-03T14:05:00        | 2026-11-03T06:05:00Z",
            "2026.11.3                  | 2026-11-02T16:00:00Z",
            "2026年11月3日              | 2026-11-02T16:00:00Z",
            "2026年11月3日 14:05        | 2026-11-03T06:05:00Z",
            "2026年11月3日14时5分       | 2026-11-03T06:05:00Z",
            "2026-11-03T14:05:00+08:00  | 2026-11-03T06:05:00Z",
            "2026-11-03T06:05:00Z       | 2026-11-03T06:05:00Z",
            "46329                      | 2026-11-02T16:00:00Z",
            "46329.5868055556           | 2026-11-03T06:05:00Z",
    })
    void shouldReadTheDatesExcelUsersType(String text, String expected) {
        assertThat(Dates.parse(text, SHANGHAI)).isEqualTo(Instant.parse(expected));
    }

    @Test
    void shouldCountExcelsPhantomLeapDayLikeExcelDoes() {
        // Serial 60 is Excel's 1900-02-29; 59 is 1900-02-28 and 61 is 1900-03-01.
        assertThat(Dates.serial(new java.math.BigDecimal("59")).toLocalDate()).hasToString("1900-02-28");
        assertThat(Dates.serial(new java.math.BigDecimal("61")).toLocalDate()).hasToString("1900-03-01");
        assertThat(Dates.serial(new java.math.BigDecimal("1")).toLocalDate()).hasToString("1900-01-01");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-13-45   | is not a real date or time: 2026-13-45",
            "2026/2/30    | is not a real date or time: 2026/2/30",
            "next tuesday | is not a date: next tuesday",
            "0            | is not a date: 0",
    })
    void shouldSayWhyATextIsNoDate(String text, String message) {
        assertThatThrownBy(() -> Dates.parse(text, SHANGHAI)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }
}
