package dev.pulse.report.ranges;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.report.web.DateRange;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected days worked out on a calendar: 2026-12-04 is a Friday, 2026-11-30 and 2026-12-28 Mondays. */
class RelativeRangeTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** A row: the preset, the day it is resolved on, and the first and last day it must cover. */
    @ParameterizedTest(name = "{0} on {1} is {2}..{3}")
    @CsvSource(textBlock = """
            # every preset on a Friday in December
            TODAY,        2026-12-04, 2026-12-04, 2026-12-04
            THIS_WEEK,    2026-12-04, 2026-11-30, 2026-12-06
            LAST_7_DAYS,  2026-12-04, 2026-11-28, 2026-12-04
            LAST_30_DAYS, 2026-12-04, 2026-11-05, 2026-12-04
            LAST_90_DAYS, 2026-12-04, 2026-09-06, 2026-12-04
            THIS_MONTH,   2026-12-04, 2026-12-01, 2026-12-31
            THIS_QUARTER, 2026-12-04, 2026-10-01, 2026-12-31
            # the week starts on Monday and ends on Sunday; one across the new year stays whole
            THIS_WEEK,    2026-11-30, 2026-11-30, 2026-12-06
            THIS_WEEK,    2026-12-06, 2026-11-30, 2026-12-06
            THIS_WEEK,    2027-01-01, 2026-12-28, 2027-01-03
            # quarters are cut at the first of January, April, July and October
            THIS_QUARTER, 2026-03-31, 2026-01-01, 2026-03-31
            THIS_QUARTER, 2026-04-01, 2026-04-01, 2026-06-30
            THIS_QUARTER, 2026-09-30, 2026-07-01, 2026-09-30
            THIS_QUARTER, 2026-10-01, 2026-10-01, 2026-12-31
            # February ends on the 29th in a leap year
            THIS_MONTH,   2024-02-10, 2024-02-01, 2024-02-29
            THIS_MONTH,   2026-02-10, 2026-02-01, 2026-02-28
            """)
    void shouldResolveThePresetOnTheDayToTheCalendarsDays(RelativeRange range, LocalDate today, String from, String to) {
        assertThat(range.resolve(today)).isEqualTo(days(from, to));
    }

    @Test
    void shouldReadTodayInTheCompanyZoneNotInUtc() {
        // 2026-12-31 16:30 UTC is already 2027-01-01 00:30 in Shanghai: a new day, month and quarter there
        Clock clock = Clock.fixed(Instant.parse("2026-12-31T16:30:00Z"), ZoneOffset.UTC);

        assertThat(RelativeRange.TODAY.resolve(clock, SHANGHAI)).isEqualTo(days("2027-01-01", "2027-01-01"));
        assertThat(RelativeRange.THIS_QUARTER.resolve(clock, SHANGHAI)).isEqualTo(days("2027-01-01", "2027-03-31"));
        assertThat(RelativeRange.THIS_QUARTER.resolve(clock, ZoneOffset.UTC)).isEqualTo(days("2026-10-01", "2026-12-31"));
        assertThat(RelativeRange.LAST_7_DAYS.resolve(clock, SHANGHAI)).isEqualTo(days("2026-12-26", "2027-01-01"));
    }

    private static DateRange days(String from, String to) {
        return new DateRange(LocalDate.parse(from), LocalDate.parse(to));
    }
}
