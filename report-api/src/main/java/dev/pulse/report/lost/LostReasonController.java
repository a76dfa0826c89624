package dev.pulse.report.lost;

import dev.pulse.report.exports.Columns;
import dev.pulse.report.exports.ExportFormat;
import dev.pulse.report.exports.Exports;
import dev.pulse.report.funnel.CohortQuery;
import dev.pulse.report.funnel.FunnelFilter;
import dev.pulse.report.journey.OwnedCustomer;
import dev.pulse.report.web.Parameters;
import dev.pulse.report.web.Rows;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.Map;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Why a cohort's customers were lost: the reasons of those now LOST, top N plus "other", overall
 * and per stage lost from, owner rep, team or source; and the customers behind each figure.
 */
@RestController
class LostReasonController {

    static final int MAX_TOP = 50;
    private static final String GROUP_BY = "none, stage (the stage lost from), rep (owner), team or source";

    /** One line per group and reason; the reasons outside the top N are one line, reason {@code (other)}. */
    static final Columns<LostReasonRow> REASONS = Columns.of(
            Columns.text("group", LostReasonRow::group), Columns.text("reason", row -> row.other() ? "(other)" : row.reason()),
            Columns.count("customers", LostReasonRow::customers), Columns.rate("share", LostReasonRow::share));

    static final Columns<LostCustomerView> CUSTOMERS = OwnedCustomer.<LostCustomerView>columns().then(
            Columns.text("source", LostCustomerView::source), Columns.text("lost_from", LostCustomerView::lostFrom),
            Columns.text("lost_reason", LostCustomerView::lostReason),
            Columns.time("first_follow_up_at", LostCustomerView::firstFollowUpAt),
            Columns.time("lost_at", LostCustomerView::lostAt));

    private final LostReasonQueries queries;
    private final Exports exports;

    LostReasonController(LostReasonQueries queries, Exports exports) {
        this.queries = queries;
        this.exports = exports;
    }

    @Operation(summary = "Lost reasons of a cohort's lost customers: counts and shares, top N plus other, per group")
    @ApiResponse(responseCode = "400", description = "missing or invalid from/to, unknown groupBy, top out of range",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/api/v1/reports/lost-reasons")
    LostReasonsView lostReasons(
            @ParameterObject CohortQuery cohort,
            @Parameter(description = GROUP_BY) @RequestParam(defaultValue = "none") String groupBy,
            @Parameter(description = "How many reasons are named (1 to 50); the rest are one row 'other'")
            @RequestParam(defaultValue = "10") int top) {
        return queries.lostReasons(cohort.filter(),
                Parameters.oneOf(LostReasonGrouping.class, "groupBy", groupBy), Parameters.between("top", top, 1, MAX_TOP));
    }

    @Operation(summary = "Lost reasons export (CSV or XLSX): group, reason, customers, share")
    @ApiResponse(responseCode = "400", description = "as the report, or an unknown format",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/api/v1/exports/lost-reasons")
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam(defaultValue = "csv") String format,
            @ParameterObject CohortQuery cohort,
            @RequestParam(defaultValue = "none") String groupBy,
            @RequestParam(defaultValue = "10") int top) {
        ExportFormat fileFormat = exports.format(format);
        LostReasonGrouping grouping = Parameters.oneOf(LostReasonGrouping.class, "groupBy", groupBy);
        int topN = Parameters.between("top", top, 1, MAX_TOP);
        FunnelFilter filter = cohort.filter();
        return exports.sendGrouped("lost-reasons", fileFormat, filter, grouping, Map.of("top", topN), REASONS,
                queries.lostReasons(filter, grouping, topN).rows());
    }

    @Operation(summary = "The lost customers behind one figure of the lost-reasons report: its length is the figure")
    @ApiResponse(responseCode = "400", description = "as the report",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/api/v1/reports/lost-reasons/customers")
    Rows<LostCustomerView> customers(
            @ParameterObject CohortQuery cohort,
            @Parameter(description = GROUP_BY) @RequestParam(defaultValue = "none") String groupBy,
            @Parameter(description = "The group's value; absent or empty: customers without one")
            @RequestParam(required = false) String group,
            @Parameter(description = "The reason's key as the report gives it; absent: the reasons outside the top N")
            @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "10") int top) {
        return new Rows<>(customersOf(cohort.filter(), groupBy, group,
                reason, top));
    }

    @Operation(summary = "The lost customers behind one figure of the lost-reasons report as CSV or XLSX, audited")
    @GetMapping("/api/v1/exports/lost-reasons/customers")
    ResponseEntity<StreamingResponseBody> exportCustomers(
            @RequestParam(defaultValue = "csv") String format,
            @ParameterObject CohortQuery cohort,
            @RequestParam(defaultValue = "none") String groupBy,
            @RequestParam(required = false) String group,
            @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "10") int top) {
        ExportFormat fileFormat = exports.format(format);
        FunnelFilter filter = cohort.filter();
        List<LostCustomerView> rows = customersOf(filter, groupBy, group, reason, top);
        Map<String, Object> choices = Exports.groupChoices(
                Parameters.oneOf(LostReasonGrouping.class, "groupBy", groupBy), group);
        choices.put("reason", reason);
        choices.put("top", top);
        return exports.send("lost-reasons-customers", fileFormat, cohort.period(), filter.auditFilters(choices),
                CUSTOMERS, rows);
    }

    private List<LostCustomerView> customersOf(FunnelFilter filter, String groupBy, String group, String reason, int top) {
        return queries.customers(filter, Parameters.oneOf(LostReasonGrouping.class, "groupBy", groupBy),
                Parameters.text(group), reason, Parameters.between("top", top, 1, MAX_TOP));
    }
}
