package dev.pulse.report.ranges;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.report.web.DateRange;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Expected days worked out on a calendar: 2026-12-04 is a Friday, 2026-11-30 and 2026-12-28 Mondays. */
class RelativeRangeTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void shouldResolveEveryPresetOnAFridayInDecember() {
        LocalDate friday = LocalDate.parse("2026-12-04");

        assertThat(RelativeRange.TODAY.resolve(friday)).isEqualTo(days("2026-12-04", "2026-12-04"));
        assertThat(RelativeRange.THIS_WEEK.resolve(friday)).isEqualTo(days("2026-11-30", "2026-12-06"));
        assertThat(RelativeRange.LAST_7_DAYS.resolve(friday)).isEqualTo(days("2026-11-28", "2026-12-04"));
        assertThat(RelativeRange.LAST_30_DAYS.resolve(friday)).isEqualTo(days("2026-11-05", "2026-12-04"));
        assertThat(RelativeRange.LAST_90_DAYS.resolve(friday)).isEqualTo(days("2026-09-06", "2026-12-04"));
        assertThat(RelativeRange.THIS_MONTH.resolve(friday)).isEqualTo(days("2026-12-01", "2026-12-31"));
        assertThat(RelativeRange.THIS_QUARTER.resolve(friday)).isEqualTo(days("2026-10-01", "2026-12-31"));
    }

    @Test
    void shouldStartTheWeekOnMondayAndEndItOnSunday() {
        assertThat(RelativeRange.THIS_WEEK.resolve(LocalDate.parse("2026-11-30"))).isEqualTo(days("2026-11-30", "2026-12-06"));
        assertThat(RelativeRange.THIS_WEEK.resolve(LocalDate.parse("2026-12-06"))).isEqualTo(days("2026-11-30", "2026-12-06"));
        // a week across the new year stays whole
        assertThat(RelativeRange.THIS_WEEK.resolve(LocalDate.parse("2027-01-01"))).isEqualTo(days("2026-12-28", "2027-01-03"));
    }

    @Test
    void shouldCutQuartersAtTheFirstOfJanuaryAprilJulyAndOctober() {
        assertThat(RelativeRange.THIS_QUARTER.resolve(LocalDate.parse("2026-03-31"))).isEqualTo(days("2026-01-01", "2026-03-31"));
        assertThat(RelativeRange.THIS_QUARTER.resolve(LocalDate.parse("2026-04-01"))).isEqualTo(days("2026-04-01", "2026-06-30"));
        assertThat(RelativeRange.THIS_QUARTER.resolve(LocalDate.parse("2026-09-30"))).isEqualTo(days("2026-07-01", "2026-09-30"));
        assertThat(RelativeRange.THIS_QUARTER.resolve(LocalDate.parse("2026-10-01"))).isEqualTo(days("2026-10-01", "2026-12-31"));
    }

    @Test
    void shouldEndFebruaryOnTheTwentyNinthInALeapYear() {
        assertThat(RelativeRange.THIS_MONTH.resolve(LocalDate.parse("2024-02-10"))).isEqualTo(days("2024-02-01", "2024-02-29"));
        assertThat(RelativeRange.THIS_MONTH.resolve(LocalDate.parse("2026-02-10"))).isEqualTo(days("2026-02-01", "2026-02-28"));
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
