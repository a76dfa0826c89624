package dev.pulse.events.activity;

import static dev.pulse.events.activity.Granularity.MONTH;
import static dev.pulse.events.activity.Granularity.WEEK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ISO-8601 weeks run Monday to Sunday; week 1 of a year is the week that holds the year's first
 * Thursday (equivalently, the week holding 4 January), and a week belongs to the year its Thursday
 * falls in. A year has 53 weeks when it starts on a Thursday, or on a Wednesday in a leap year.
 *
 * <p>Weekdays used below, worked out by hand: 2025-01-01 was a Wednesday; 2025 has 365 days
 * (52 weeks + 1 day), so 2026-01-01 is a Thursday; 2026 has 365 days too, so 2027-01-01 is a Friday.
 */
class GranularityTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static Granularity.Period period(String bucket, String firstDay, String lastDay) {
        return new Granularity.Period(bucket, LocalDate.parse(firstDay), LocalDate.parse(lastDay));
    }

    /** A day and the period it falls in, with the period's first and last day, worked out in the comments. */
    static Stream<Arguments> daysAndTheirPeriods() {
        return Stream.of(
                // 2026-01-01 is a Thursday, so its week (Mon 2025-12-29 .. Sun 2026-01-04) is 2026-W01
                arguments("New Year's Day 2026 is in week 1 of 2026", WEEK, "2026-01-01",
                        period("2026-W01", "2025-12-29", "2026-01-04")),
                // 2026 starts on a Thursday, so it has 53 weeks; 2027-01-01 is a Friday whose
                // week (Mon 2026-12-28 .. Sun 2027-01-03) has its Thursday on 2026-12-31
                arguments("New Year's Day 2027 is in week 53 of 2026", WEEK, "2027-01-01",
                        period("2026-W53", "2026-12-28", "2027-01-03")),
                // 2026-11-03 is day 307 of 2026, so 3 + 306 = 309 days after Mon 2025-12-29 (start of
                // W01); 309 = 44 * 7 + 1, so it is the Tuesday of week 45, which began on Mon 2026-11-02
                arguments("the week of the design example is week 45", WEEK, "2026-11-03",
                        period("2026-W45", "2026-11-02", "2026-11-08")),
                // February ends on the 28th in a common year and on the 29th in a leap year
                arguments("February of a common year", MONTH, "2026-02-28", period("2026-02", "2026-02-01", "2026-02-28")),
                arguments("February of a leap year", MONTH, "2028-02-29", period("2028-02", "2028-02-01", "2028-02-29")),
                // whole months of 30 and 31 days, from their last day
                arguments("April, 30 days", MONTH, "2026-04-30", period("2026-04", "2026-04-01", "2026-04-30")),
                arguments("December, 31 days", MONTH, "2026-12-31", period("2026-12", "2026-12-01", "2026-12-31")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("daysAndTheirPeriods")
    void shouldPutADayInItsPeriod(String why, Granularity granularity, LocalDate day, Granularity.Period expected) {
        // when
        Granularity.Period period = granularity.periodOf(day);

        // then
        assertThat(period).isEqualTo(expected);
    }

    /** A day and the label of its week or month, worked out in the comments. */
    static Stream<Arguments> daysAndTheirLabels() {
        return Stream.of(
                // Monday 2025-12-29 is already in 2026-W01 (its Thursday is 2026-01-01): not "2025-W01",
                // which a calendar-year label would wrongly give
                arguments("the last Monday of 2025 is labelled with the week-based year 2026", WEEK, "2025-12-29",
                        "2026-W01"),
                // Sunday 2025-12-28 closes 2025-W52 (2025 began on a Wednesday and is no leap year: 52 weeks)
                arguments("the Sunday before it closes week 52 of 2025", WEEK, "2025-12-28", "2025-W52"),
                // Wed 2026-03-04 is 65 days after Mon 2025-12-29, i.e. 9 full weeks in: W10
                arguments("a single-digit week is padded", WEEK, "2026-03-04", "2026-W10"),
                arguments("a single-digit month is padded", MONTH, "2026-03-04", "2026-03"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("daysAndTheirLabels")
    void shouldLabelADaysPeriod(String why, Granularity granularity, LocalDate day, String expected) {
        // when
        String bucket = granularity.periodOf(day).bucket();

        // then
        assertThat(bucket).isEqualTo(expected);
    }

    @Test
    void shouldStartWeek1Of2027OnTheFourthOfJanuary() {
        // given: the first Thursday of 2027 is 2027-01-07, so week 1 runs Mon 01-04 .. Sun 01-10
        LocalDate sunday = LocalDate.of(2027, 1, 3);
        LocalDate monday = LocalDate.of(2027, 1, 4);

        // when
        Granularity.Period before = Granularity.WEEK.periodOf(sunday);
        Granularity.Period after = Granularity.WEEK.periodOf(monday);

        // then
        assertThat(before.bucket()).isEqualTo("2026-W53");
        assertThat(after).isEqualTo(new Granularity.Period("2027-W01",
                LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 10)));
    }

    @Test
    void shouldMakeADayOneDateLong() {
        // given
        LocalDate date = LocalDate.of(2026, 11, 3);

        // when
        Granularity.Period day = Granularity.DAY.periodOf(date);

        // then
        assertThat(day).isEqualTo(new Granularity.Period("2026-11-03", date, date));
    }

    @Test
    void shouldCutTheDayAtMidnightInShanghaiNotInUtc() {
        // given: Shanghai is UTC+8 all year (no daylight saving), so 16:00Z is local midnight
        Instant justBefore = Instant.parse("2026-11-03T15:59:59Z");
        Instant midnight = Instant.parse("2026-11-03T16:00:00Z");
        Instant halfPast = Instant.parse("2026-11-03T16:30:00Z");

        // when / then
        assertThat(Granularity.DAY.periodOf(justBefore, SHANGHAI).bucket()).isEqualTo("2026-11-03");
        assertThat(Granularity.DAY.periodOf(midnight, SHANGHAI).bucket()).isEqualTo("2026-11-04");
        assertThat(Granularity.DAY.periodOf(halfPast, SHANGHAI).bucket()).isEqualTo("2026-11-04");
        // the same instant is still the 3rd in UTC: the zone passed in is what decides
        assertThat(Granularity.DAY.periodOf(halfPast, ZoneOffset.UTC).bucket()).isEqualTo("2026-11-03");
    }

    @Test
    void shouldMoveAnEveningInUtcIntoTheNextWeekAndMonthInShanghai() {
        // given: Sun 2026-11-08 16:30Z is Mon 2026-11-09 00:30 in Shanghai (W45 -> W46);
        // Mon 2026-11-30 16:00Z is Tue 2026-12-01 00:00 in Shanghai (November -> December)
        Instant sundayEvening = Instant.parse("2026-11-08T16:30:00Z");
        Instant lastOfNovemberEvening = Instant.parse("2026-11-30T16:00:00Z");

        // when / then
        assertThat(Granularity.WEEK.periodOf(sundayEvening, ZoneOffset.UTC).bucket()).isEqualTo("2026-W45");
        assertThat(Granularity.WEEK.periodOf(sundayEvening, SHANGHAI)).isEqualTo(new Granularity.Period(
                "2026-W46", LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 15)));
        assertThat(Granularity.MONTH.periodOf(lastOfNovemberEvening, ZoneOffset.UTC).bucket()).isEqualTo("2026-11");
        assertThat(Granularity.MONTH.periodOf(lastOfNovemberEvening, SHANGHAI)).isEqualTo(new Granularity.Period(
                "2026-12", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31)));
    }

    @Test
    void shouldPutNewYearsEveningInUtcIntoTheNewYearInShanghaiButTheOldWeekBasedYear() {
        // given: 2026-12-31T16:00Z is 2027-01-01 00:00 in Shanghai, a Friday in 2026-W53
        Instant instant = Instant.parse("2026-12-31T16:00:00Z");

        // when
        String day = Granularity.DAY.periodOf(instant, SHANGHAI).bucket();
        String week = Granularity.WEEK.periodOf(instant, SHANGHAI).bucket();
        String month = Granularity.MONTH.periodOf(instant, SHANGHAI).bucket();

        // then
        assertThat(day).isEqualTo("2027-01-01");
        assertThat(week).isEqualTo("2026-W53");
        assertThat(month).isEqualTo("2027-01");
    }
}
