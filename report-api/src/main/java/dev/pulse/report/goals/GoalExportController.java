package dev.pulse.report.goals;

import dev.pulse.report.exports.Cell;
import dev.pulse.report.exports.ExportFiles;
import dev.pulse.report.exports.ExportFormat;
import dev.pulse.report.exports.Sheet;
import dev.pulse.report.web.Parameters;
import dev.pulse.security.audit.AuditLog;
import dev.pulse.security.web.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The goals of the caller's scope and their attainment, as the goals page shows them, as a file. */
@RestController
class GoalExportController {

    static final List<String> HEADER = List.of("scope", "rep_id", "team_id", "metric", "period_start", "period_end",
            "currency", "target", "actual", "attainment", "elapsed", "expected", "pace", "behind_pace");

    private final GoalAttainments attainments;
    private final AuditLog audit;

    GoalExportController(GoalAttainments attainments, AuditLog audit) {
        this.attainments = attainments;
        this.audit = audit;
    }

    @Operation(summary = "Goals export (CSV or XLSX): each goal of the period with actual, attainment, elapsed share and pace")
    @ApiResponse(responseCode = "400", description = "as the attainment report, or an unknown format",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/api/v1/exports/goals")
    ResponseEntity<StreamingResponseBody> goals(
            @RequestParam(defaultValue = "csv") String format,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(required = false) String repId,
            @RequestParam(required = false) String teamId,
            @RequestParam(required = false) String metric) {
        ExportFormat fileFormat = Parameters.oneOf(ExportFormat.class, "format", format);
        LocalDate on = attainments.dayOr(day);
        List<Attainment> rows = attainments.forCaller(on, repId, teamId, metric);
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("format", Parameters.lower(fileFormat));
        filters.put("day", on.toString());
        filters.put("repId", Parameters.text(repId));
        filters.put("teamId", Parameters.text(teamId));
        filters.put("metric", Parameters.text(metric));
        filters.put("scope", CurrentUser.get().scope().kind().name());
        return ExportFiles.send(audit, "export.goals", fileFormat, "goals_" + on + "." + fileFormat.extension(), filters,
                new Sheet("goals", HEADER, rows.stream().map(GoalExportController::cells).iterator()));
    }

    private static List<Cell> cells(Attainment row) {
        return List.of(Cell.text(row.scope().name()), Cell.text(row.repId()), Cell.text(row.teamId()),
                Cell.text(row.metric().name()), Cell.text(row.periodStart().toString()),
                Cell.text(row.periodEnd().toString()), Cell.text(row.currency()), Cell.decimal(row.target()),
                Cell.decimal(row.actual()), Cell.rate(row.attainment()), Cell.rate(row.elapsed()),
                Cell.decimal(row.expected()), Cell.rate(row.pace()), Cell.text(row.behindPace() ? "yes" : "no"));
    }
}
