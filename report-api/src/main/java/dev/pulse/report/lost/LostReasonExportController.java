package dev.pulse.report.lost;

import dev.pulse.report.exports.Cell;
import dev.pulse.report.exports.ExportFiles;
import dev.pulse.report.exports.ExportFormat;
import dev.pulse.report.exports.Sheet;
import dev.pulse.report.funnel.FunnelFilter;
import dev.pulse.report.web.DateRange;
import dev.pulse.report.web.Parameters;
import dev.pulse.security.audit.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The lost-reasons report as CSV or XLSX: one line per group and reason, "other" as reason {@code (other)}. */
@RestController
class LostReasonExportController {

    static final List<String> HEADER = List.of("group", "reason", "customers", "share");
    static final String OTHER = "(other)";

    private final LostReasonQueries queries;
    private final AuditLog audit;

    LostReasonExportController(LostReasonQueries queries, AuditLog audit) {
        this.queries = queries;
        this.audit = audit;
    }

    @Operation(summary = "Lost reasons export (CSV or XLSX): group, reason, customers, share")
    @ApiResponse(responseCode = "400", description = "as the report, or an unknown format",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/api/v1/exports/lost-reasons")
    ResponseEntity<StreamingResponseBody> lostReasons(
            @RequestParam(defaultValue = "csv") String format,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String repId,
            @RequestParam(required = false) String teamId,
            @RequestParam(required = false) String source,
            @RequestParam(defaultValue = "none") String groupBy,
            @RequestParam(defaultValue = "10") int top) {
        ExportFormat fileFormat = Parameters.oneOf(ExportFormat.class, "format", format);
        LostReasonGrouping grouping = Parameters.oneOf(LostReasonGrouping.class, "groupBy", groupBy);
        int topN = Parameters.between("top", top, 1, 50);
        DateRange cohort = new DateRange(from, to);
        FunnelFilter filter = FunnelFilter.forCaller(cohort, repId, teamId, source);
        LostReasonsView view = queries.lostReasons(filter, grouping, topN);
        String fileName = "lost-reasons_" + cohort.from() + "_" + cohort.to() + "_by-" + Parameters.lower(grouping)
                + "." + fileFormat.extension();
        return ExportFiles.send(audit, "export.lost-reasons", fileFormat, fileName,
                ExportFiles.filters(filter, fileFormat, Map.of("groupBy", Parameters.lower(grouping), "top", topN)),
                new Sheet("lost-reasons", HEADER, view.rows().stream().map(LostReasonExportController::cells).iterator()));
    }

    private static List<Cell> cells(LostReasonRow row) {
        return List.of(Cell.text(row.group()), Cell.text(row.other() ? OTHER : row.reason()), Cell.count(row.customers()),
                Cell.rate(row.share()));
    }
}
