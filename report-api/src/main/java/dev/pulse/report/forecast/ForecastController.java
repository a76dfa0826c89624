package dev.pulse.report.forecast;

import dev.pulse.events.messages.MessageCode;
import dev.pulse.report.funnel.FunnelFilter;
import dev.pulse.report.security.Scopes;
import dev.pulse.report.web.BadRequestException;
import dev.pulse.report.web.DateRange;
import dev.pulse.report.web.Parameters;
import dev.pulse.report.web.Rows;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The weighted pipeline by month of expected close, with the stage probabilities learned from history. */
@RestController
class ForecastController {

    static final int MAX_MONTHS = 120;
    private static final String FROM = "First expected close day (ISO date)";
    private static final String TO = "Last expected close day, inclusive (ISO date)";
    private static final String AS_OF = "Last day of the learning window (ISO date); default today in the reporting zone";
    private static final String MONTHS = "Months the probabilities are learned over (1 to 120); default pulse.forecast.learning-months";

    private final ForecastQueries queries;
    private final ForecastHistory history;

    ForecastController(ForecastQueries queries, ForecastHistory history) {
        this.queries = queries;
        this.history = history;
    }

    @Operation(summary = "How one month's forecast moved (daily snapshots per currency) beside what was won in it")
    @GetMapping("/api/v1/reports/forecast/history")
    ForecastHistory.View history(
            @Parameter(description = "The month of expected close, 2026-12") @RequestParam String month,
            @RequestParam(required = false) String repId,
            @RequestParam(required = false) String teamId) {
        String rep = Parameters.text(repId);
        String team = Parameters.text(teamId);
        return history.of(month(month), rep, team, Scopes.checked(rep, team), queries.zone());
    }

    @Operation(summary = "Forecast: open customers' expected amounts x learned stage probability, by month of expected close")
    @ApiResponse(responseCode = "400", description = "invalid dates, groupBy or months",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/api/v1/reports/forecast")
    ForecastView forecast(
            @Parameter(description = FROM) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = TO) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String repId,
            @RequestParam(required = false) String teamId,
            @RequestParam(required = false) String source,
            @Parameter(description = "none, rep (owner), team or source") @RequestParam(defaultValue = "none") String groupBy,
            @Parameter(description = AS_OF) @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate asOf,
            @Parameter(description = MONTHS) @RequestParam(required = false) Integer months) {
        return queries.forecast(FunnelFilter.forCaller(new DateRange(from, to), repId, teamId, source),
                Parameters.oneOf(ForecastGrouping.class, "groupBy", groupBy), asOf(asOf), months(months));
    }

    @Operation(summary = "The stage probabilities alone: learned over the window, beside the configured ones")
    @GetMapping("/api/v1/reports/forecast/stage-probabilities")
    Rows<StageProbabilityView> stageProbabilities(
            @RequestParam(required = false) String repId,
            @RequestParam(required = false) String teamId,
            @RequestParam(required = false) String source,
            @Parameter(description = AS_OF) @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate asOf,
            @Parameter(description = MONTHS) @RequestParam(required = false) Integer months) {
        LocalDate day = asOf(asOf);
        return new Rows<>(queries.stageProbabilities(FunnelFilter.forCaller(new DateRange(day, day), repId, teamId, source),
                day, months(months)));
    }

    @Operation(summary = "The open customers behind one forecast row: its length is the row's customers")
    @GetMapping("/api/v1/reports/forecast/customers")
    Rows<ForecastCustomerView> customers(
            @Parameter(description = FROM) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = TO) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String repId,
            @RequestParam(required = false) String teamId,
            @RequestParam(required = false) String source,
            @RequestParam(defaultValue = "none") String groupBy,
            @Parameter(description = "The group's value; absent or empty: customers without one")
            @RequestParam(required = false) String group,
            @Parameter(description = "The row's month, 2026-12") @RequestParam String month,
            @Parameter(description = "The row's currency; absent: every currency") @RequestParam(required = false) String currency,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) Integer months) {
        return new Rows<>(queries.customersOf(FunnelFilter.forCaller(new DateRange(from, to), repId, teamId, source),
                Parameters.oneOf(ForecastGrouping.class, "groupBy", groupBy), Parameters.text(group), month(month),
                Parameters.text(currency), asOf(asOf), months(months)));
    }

    private static YearMonth month(String month) {
        try {
            return YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(MessageCode.UNCONVERTIBLE_PARAMETER, "month", "…");
        }
    }

    private LocalDate asOf(LocalDate asOf) {
        return asOf != null ? asOf : LocalDate.now(queries.zone());
    }

    private int months(Integer months) {
        return Parameters.between("months", months == null ? queries.defaultLearningMonths() : months, 1, MAX_MONTHS);
    }
}
