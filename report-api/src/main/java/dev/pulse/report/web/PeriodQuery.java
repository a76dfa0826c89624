package dev.pulse.report.web;

import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The query parameters of a report on the facts of a period (follow-ups, sales), its drill-down
 * lists and their exports: the days and the optional rep, team and customer-source filters. Bound as a
 * {@code @ParameterObject}: each component as the {@code @RequestParam} on it says. (springdoc reads
 * a record's fields, which {@code @RequestParam} does not reach: {@code @Parameter} says what it would.)
 */
public record PeriodQuery(
        @Parameter(description = "First day (ISO date): the report's, or the clicked bucket's", required = true)
        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @Parameter(description = "Last day, inclusive (ISO date)", required = true)
        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        @Parameter(description = "Only this rep's") @RequestParam(required = false) String repId,
        @Parameter(description = "Only this team's") @RequestParam(required = false) String teamId,
        @Parameter(description = "Only the customers of this source (the first source a customer's follow-ups name)")
        @RequestParam(required = false) String source) {

    /** The days, refused with 400 when reversed or too long. */
    public DateRange range() {
        return new DateRange(from, to);
    }

    /** The rep filter, trimmed; null when absent or blank. */
    public String rep() {
        return Parameters.text(repId);
    }

    /** The team filter, trimmed; null when absent or blank. */
    public String team() {
        return Parameters.text(teamId);
    }

    /** The source filter, trimmed; null when absent or blank. */
    public String customerSource() {
        return Parameters.text(source);
    }

    /** What an export's file name starts with: the period as asked. */
    public String period() {
        return from + "_" + to;
    }
}
