package dev.pulse.report.cycle;

import dev.pulse.report.exports.Columns;
import dev.pulse.report.exports.ExportFormat;
import dev.pulse.report.exports.Exports;
import dev.pulse.report.funnel.CohortQuery;
import dev.pulse.report.funnel.FunnelFilter;
import dev.pulse.report.journey.OwnedCustomer;
import dev.pulse.report.web.BadRequestException;
import dev.pulse.report.web.Parameters;
import dev.pulse.report.web.Rows;
import dev.pulse.events.messages.MessageCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Cycle length (median and distribution of days to won and to lost) and pipeline velocity of a cohort. */
@RestController
class CycleController {

    private static final String GROUP_BY = "none, rep (owner), team, source or month (cohort month)";

    /** One line per group and outcome, one column per bucket of days as the report's buckets are cut. */
    static final Columns<CycleLengthView> COLUMNS = Columns.of(
            Columns.text("group", CycleLengthView::group), Columns.text("outcome", CycleLengthView::outcome),
            Columns.count("customers", CycleLengthView::customers), Columns.count("median_days", CycleLengthView::medianDays),
            Columns.decimal("average_days", CycleLengthView::averageDays), bucket(0, "days_0_7"), bucket(1, "days_8_14"),
            bucket(2, "days_15_30"), bucket(3, "days_31_60"), bucket(4, "days_61_90"), bucket(5, "days_over_90"));

    static final Columns<CycleCustomerView> CUSTOMERS = OwnedCustomer.<CycleCustomerView>columns().then(
            Columns.text("source", CycleCustomerView::source), Columns.text("outcome", CycleCustomerView::outcome),
            Columns.time("first_follow_up_at", CycleCustomerView::firstFollowUpAt),
            Columns.time("closed_at", CycleCustomerView::closedAt), Columns.count("days", CycleCustomerView::days));
    private static final String FROM_DAYS = "A bar's first day count, inclusive; absent: from 0";
    private static final String TO_DAYS = "A bar's last day count, inclusive; absent: no upper bound";

    private final CycleQueries queries;
    private final Exports exports;

    CycleController(CycleQueries queries, Exports exports) {
        this.queries = queries;
        this.exports = exports;
    }

    @Operation(summary = "The cycle-length report as CSV or XLSX (same parameters and scope), audited")
    @GetMapping("/api/v1/exports/cycle-length")
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam(defaultValue = "csv") String format,
            @ParameterObject CohortQuery cohort,
            @Parameter(description = GROUP_BY) @RequestParam(defaultValue = "none") String groupBy) {
        ExportFormat fileFormat = exports.format(format);
        CycleGrouping grouping = Parameters.oneOf(CycleGrouping.class, "groupBy", groupBy);
        FunnelFilter filter = cohort.filter();
        return exports.sendGrouped("cycle-length", fileFormat, filter, grouping, Map.of(), COLUMNS,
                queries.cycleLength(filter, grouping));
    }

    private static Columns.Column<CycleLengthView> bucket(int index, String name) {
        return Columns.count(name, row -> row.buckets().get(index).customers());
    }

    @Operation(summary = "Days from first follow-up to won and to lost: median, mean and distribution per group")
    @ApiResponse(responseCode = "400", description = "missing or invalid from/to, unknown groupBy",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/api/v1/reports/cycle-length")
    Rows<CycleLengthView> cycleLength(
            @ParameterObject CohortQuery cohort,
            @Parameter(description = GROUP_BY) @RequestParam(defaultValue = "none") String groupBy) {
        return new Rows<>(queries.cycleLength(cohort.filter(),
                Parameters.oneOf(CycleGrouping.class, "groupBy", groupBy)));
    }

    @Operation(summary = "The closed customers behind one cycle-length row, or one bar (fromDays-toDays): its length is "
            + "the figure")
    @GetMapping("/api/v1/reports/cycle-length/customers")
    Rows<CycleCustomerView> customers(
            @ParameterObject CohortQuery cohort,
            @Parameter(description = GROUP_BY) @RequestParam(defaultValue = "none") String groupBy,
            @Parameter(description = "The group's value; absent or empty: customers without one")
            @RequestParam(required = false) String group,
            @Parameter(description = "WON or LOST") @RequestParam String outcome,
            @Parameter(description = FROM_DAYS) @RequestParam(required = false) Integer fromDays,
            @Parameter(description = TO_DAYS) @RequestParam(required = false) Integer toDays) {
        return new Rows<>(customersOf(cohort.filter(), groupBy, group,
                outcome, fromDays, toDays));
    }

    @Operation(summary = "The closed customers behind a cycle-length row or bar as CSV or XLSX, audited")
    @GetMapping("/api/v1/exports/cycle-length/customers")
    ResponseEntity<StreamingResponseBody> exportCustomers(
            @RequestParam(defaultValue = "csv") String format,
            @ParameterObject CohortQuery cohort,
            @RequestParam(defaultValue = "none") String groupBy,
            @RequestParam(required = false) String group,
            @RequestParam String outcome,
            @RequestParam(required = false) Integer fromDays,
            @RequestParam(required = false) Integer toDays) {
        ExportFormat fileFormat = exports.format(format);
        FunnelFilter filter = cohort.filter();
        List<CycleCustomerView> rows = customersOf(filter, groupBy, group, outcome, fromDays, toDays);
        Map<String, Object> choices = Exports.groupChoices(Parameters.oneOf(CycleGrouping.class, "groupBy", groupBy), group);
        choices.put("outcome", rows.isEmpty() ? outcome(outcome) : rows.getFirst().outcome());
        choices.put("fromDays", fromDays);
        choices.put("toDays", toDays);
        return exports.send("cycle-length-customers", fileFormat, cohort.period() + "_" + outcome(outcome).toLowerCase(Locale.ROOT),
                filter.auditFilters(choices), CUSTOMERS, rows);
    }

    /** The outcome's customers of one group, those whose days fall in [fromDays, toDays] when given (a bar). */
    private List<CycleCustomerView> customersOf(FunnelFilter filter, String groupBy, String group, String outcome,
                                                Integer fromDays, Integer toDays) {
        if (fromDays != null) {
            Parameters.between("fromDays", fromDays, 0, Integer.MAX_VALUE);
        }
        if (toDays != null) {
            Parameters.between("toDays", toDays, 0, Integer.MAX_VALUE);
        }
        return queries.customers(filter, Parameters.oneOf(CycleGrouping.class, "groupBy", groupBy), Parameters.text(group),
                        outcome(outcome)).stream()
                .filter(c -> (fromDays == null || c.days() >= fromDays) && (toDays == null || c.days() <= toDays))
                .toList();
    }

    private static String outcome(String outcome) {
        String closed = outcome.strip().toUpperCase(Locale.ROOT);
        if (!List.of(CycleQueries.WON, CycleQueries.LOST).contains(closed)) {
            throw new BadRequestException(MessageCode.PARAMETER_ONE_OF, "outcome", List.of("won", "lost"));
        }
        return closed;
    }

    @Operation(summary = "Pipeline velocity with its four parts: open customers x win rate x average deal / cycle length, "
            + "per currency")
    @GetMapping("/api/v1/reports/velocity")
    VelocityView velocity(
            @ParameterObject CohortQuery cohort) {
        return queries.velocity(cohort.filter());
    }
}
