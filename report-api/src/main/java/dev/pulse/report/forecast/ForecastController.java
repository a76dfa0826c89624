package dev.pulse.report.forecast;

import dev.pulse.report.exports.Columns;
import dev.pulse.report.exports.ExportFormat;
import dev.pulse.report.exports.Exports;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import dev.pulse.events.messages.MessageCode;
import dev.pulse.report.funnel.CohortQuery;
import dev.pulse.report.funnel.FunnelFilter;
import dev.pulse.report.journey.OwnedCustomer;
import dev.pulse.report.security.Scopes;
import dev.pulse.report.web.BadRequestException;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The weighted pipeline by month of expected close, with the stage probabilities learned from history,
 * and the daily snapshots its history is drawn from.
 */
@RestController
class ForecastController {

    static final int MAX_MONTHS = 120;

    static final Columns<ForecastRow> COLUMNS = Columns.of(
            Columns.text("month", ForecastRow::month), Columns.text("group", ForecastRow::group),
            Columns.text("currency", ForecastRow::currency), Columns.count("customers", ForecastRow::customers),
            Columns.decimal("pipeline", ForecastRow::pipeline), Columns.decimal("weighted", ForecastRow::weighted),
            Columns.decimal("weighted_configured", ForecastRow::weightedConfigured));

    private final ForecastQueries queries;
    private final ForecastHistory history;
    static final Columns<ForecastCustomerView> CUSTOMERS = OwnedCustomer.<ForecastCustomerView>columns().then(
            Columns.text("source", ForecastCustomerView::source), Columns.text("stage", ForecastCustomerView::stage),
            Columns.decimal("expected_amount", ForecastCustomerView::expectedAmount),
            Columns.text("currency", ForecastCustomerView::currency),
            Columns.date("expected_close_date", ForecastCustomerView::expectedCloseDate),
            Columns.rate("probability", ForecastCustomerView::probability),
            Columns.decimal("weighted", ForecastCustomerView::weighted));

    private final Exports exports;
    private final ForecastSnapshots snapshots;

    ForecastController(ForecastQueries queries, ForecastHistory history, Exports exports, ForecastSnapshots snapshots) {
        this.queries = queries;
        this.history = history;
        this.exports = exports;
        this.snapshots = snapshots;
    }

    @Operation(summary = "The forecast rows as CSV or XLSX (same parameters and scope), audited")
    @GetMapping("/api/v1/exports/forecast")
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam(defaultValue = "csv") String format,
            @ParameterObject CohortQuery cohort,
            @RequestParam(defaultValue = "none") String groupBy,
            @ParameterObject LearningWindow window) {
        ExportFormat fileFormat = exports.format(format);
        ForecastView view = forecast(cohort, groupBy, window);
        ForecastGrouping grouping = Parameters.oneOf(ForecastGrouping.class, "groupBy", groupBy);
        Map<String, Object> choices = new LinkedHashMap<>();
        choices.put("asOf", view.asOf().toString());
        choices.put("months", view.learningMonths());
        return exports.sendGrouped("forecast", fileFormat, cohort.filter(), grouping, choices, COLUMNS, view.rows());
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

    /** ADMIN, e.g. after a restore: the schedule takes today's snapshot after midnight. */
    @Operation(summary = "Take the forecast snapshot of a day (default today) unless it was taken: {\"rows\": written}")
    @PostMapping("/api/v1/admin/forecast-snapshots")
    Map<String, Integer> takeSnapshot(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return Map.of("rows", snapshots.take(day != null ? day : LocalDate.now(snapshots.zone())));
    }

    @Operation(summary = "Forecast: open customers' expected amounts x learned stage probability, by month of expected close")
    @ApiResponse(responseCode = "400", description = "invalid dates, groupBy or months",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/api/v1/reports/forecast")
    ForecastView forecast(
            @ParameterObject CohortQuery cohort,
            @Parameter(description = "none, rep (owner), team or source") @RequestParam(defaultValue = "none") String groupBy,
            @ParameterObject LearningWindow window) {
        return queries.forecast(cohort.filter(),
                Parameters.oneOf(ForecastGrouping.class, "groupBy", groupBy), asOf(window), months(window));
    }

    @Operation(summary = "The stage probabilities alone: learned over the window, beside the configured ones")
    @GetMapping("/api/v1/reports/forecast/stage-probabilities")
    Rows<StageProbabilityView> stageProbabilities(@ParameterObject OwnerQuery owners,
                                                  @ParameterObject LearningWindow window) {
        LocalDate day = asOf(window);
        return new Rows<>(queries.stageProbabilities(owners.owner(day), day, months(window)));
    }

    /** Which count of a probability-table row: the customers who reached the stage, or those of them won. */
    enum ReachedCount {
        REACHED, WON
    }

    static final Columns<StageReachedView> STAGE_CUSTOMERS = OwnedCustomer.<StageReachedView>columns().then(
            Columns.text("stage_at_window_end", StageReachedView::stage),
            Columns.time("reached_at", StageReachedView::reachedAt));

    @Operation(summary = "The customers behind a stage-probability row: those who first reached the open stage in the "
            + "learning window (count=reached, the row's reached), or those of them at a won stage at its end (count=won, "
            + "the row's won): its length is the row's figure")
    @GetMapping("/api/v1/reports/forecast/stage-probabilities/customers")
    Rows<StageReachedView> stageCustomers(
            @ParameterObject OwnerQuery owners,
            @ParameterObject LearningWindow window,
            @Parameter(description = "An open stage of the pipeline") @RequestParam(required = false) String stage,
            @Parameter(description = "reached or won") @RequestParam(defaultValue = "reached") String count) {
        return new Rows<>(stageCustomersOf(owners, window, stage, count));
    }

    @Operation(summary = "The customers behind a stage-probability row as CSV or XLSX, audited")
    @GetMapping("/api/v1/exports/forecast/stage-probabilities/customers")
    ResponseEntity<StreamingResponseBody> exportStageCustomers(
            @RequestParam(defaultValue = "csv") String format,
            @ParameterObject OwnerQuery owners,
            @ParameterObject LearningWindow window,
            @RequestParam(required = false) String stage,
            @RequestParam(defaultValue = "reached") String count) {
        ExportFormat fileFormat = exports.format(format);
        List<StageReachedView> rows = stageCustomersOf(owners, window, stage, count);
        LocalDate day = asOf(window);
        String code = stage.strip().toUpperCase(Locale.ROOT);
        String which = Parameters.lower(Parameters.oneOf(ReachedCount.class, "count", count));
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("asOf", day.toString());
        filters.put("months", months(window));
        filters.put("stage", code);
        filters.put("count", which);
        filters.put("repId", Parameters.text(owners.repId()));
        filters.put("teamId", Parameters.text(owners.teamId()));
        filters.put("source", Parameters.text(owners.source()));
        return exports.send("forecast-stage-customers", fileFormat, day + "_" + code + "_" + which, filters,
                STAGE_CUSTOMERS, rows);
    }

    private List<StageReachedView> stageCustomersOf(OwnerQuery owners, LearningWindow learning, String stage,
                                                    String count) {
        LocalDate day = asOf(learning);
        FunnelFilter owner = owners.owner(day);
        int window = months(learning);
        boolean wonOnly = Parameters.oneOf(ReachedCount.class, "count", count) == ReachedCount.WON;
        String code = Parameters.text(stage);
        if (code == null) {
            throw new BadRequestException(MessageCode.PARAMETER_REQUIRED, "stage");
        }
        return queries.stageCustomers(owner, day, window, code.toUpperCase(Locale.ROOT), wonOnly);
    }

    @Operation(summary = "The open customers behind one forecast row: its length is the row's customers")
    @GetMapping("/api/v1/reports/forecast/customers")
    Rows<ForecastCustomerView> customers(
            @ParameterObject CohortQuery cohort,
            @RequestParam(defaultValue = "none") String groupBy,
            @Parameter(description = "The group's value; absent or empty: customers without one")
            @RequestParam(required = false) String group,
            @Parameter(description = "The row's month, 2026-12") @RequestParam String month,
            @Parameter(description = "The row's currency; absent: every currency") @RequestParam(required = false) String currency,
            @ParameterObject LearningWindow window) {
        return new Rows<>(queries.customersOf(cohort.filter(),
                Parameters.oneOf(ForecastGrouping.class, "groupBy", groupBy), Parameters.text(group), month(month),
                Parameters.text(currency), asOf(window), months(window)));
    }

    @Operation(summary = "The open customers behind one forecast row as CSV or XLSX, audited")
    @GetMapping("/api/v1/exports/forecast/customers")
    ResponseEntity<StreamingResponseBody> exportCustomers(
            @RequestParam(defaultValue = "csv") String format,
            @ParameterObject CohortQuery cohort,
            @RequestParam(defaultValue = "none") String groupBy,
            @RequestParam(required = false) String group,
            @RequestParam String month,
            @RequestParam(required = false) String currency,
            @ParameterObject LearningWindow window) {
        ExportFormat fileFormat = exports.format(format);
        YearMonth closing = month(month);
        var rows = customers(cohort, groupBy, group, month, currency, window).rows();
        Map<String, Object> choices = Exports.groupChoices(Parameters.oneOf(ForecastGrouping.class, "groupBy", groupBy), group);
        choices.put("month", closing.toString());
        choices.put("currency", Parameters.text(currency));
        return exports.send("forecast-customers", fileFormat, cohort.period() + "_" + closing,
                cohort.filter().auditFilters(choices),
                CUSTOMERS, rows);
    }

    private static YearMonth month(String month) {
        try {
            return YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(MessageCode.UNCONVERTIBLE_PARAMETER, "month", "…");
        }
    }

    /** The window's last day: today in the reporting zone unless asked. */
    private LocalDate asOf(LearningWindow window) {
        return window.asOf() != null ? window.asOf() : LocalDate.now(queries.zone());
    }

    /** The window's months, refused with 400 outside 1 to {@value #MAX_MONTHS}: the configured ones unless asked. */
    private int months(LearningWindow window) {
        Integer months = window.months();
        return Parameters.between("months", months == null ? queries.defaultLearningMonths() : months, 1, MAX_MONTHS);
    }
}
