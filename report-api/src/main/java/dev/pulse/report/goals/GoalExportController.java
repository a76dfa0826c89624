package dev.pulse.report.goals;

import dev.pulse.report.exports.Columns;
import dev.pulse.report.exports.ExportFormat;
import dev.pulse.report.exports.Exports;
import dev.pulse.report.web.Parameters;
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

    static final Columns<Attainment> COLUMNS = Columns.of(
            Columns.text("scope", row -> row.scope().name()), Columns.text("rep_id", Attainment::repId),
            Columns.text("team_id", Attainment::teamId), Columns.text("metric", row -> row.metric().name()),
            Columns.date("period_start", Attainment::periodStart), Columns.date("period_end", Attainment::periodEnd),
            Columns.text("currency", Attainment::currency), Columns.decimal("target", Attainment::target),
            Columns.decimal("actual", Attainment::actual), Columns.rate("attainment", Attainment::attainment),
            Columns.rate("elapsed", Attainment::elapsed), Columns.decimal("expected", Attainment::expected),
            Columns.rate("pace", Attainment::pace), Columns.text("behind_pace", row -> row.behindPace() ? "yes" : "no"));

    private final GoalAttainments attainments;
    private final Exports exports;

    GoalExportController(GoalAttainments attainments, Exports exports) {
        this.attainments = attainments;
        this.exports = exports;
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
        ExportFormat fileFormat = exports.format(format);
        LocalDate on = attainments.dayOr(day);
        List<Attainment> rows = attainments.forCaller(on, repId, teamId, metric);
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("day", on.toString());
        filters.put("repId", Parameters.text(repId));
        filters.put("teamId", Parameters.text(teamId));
        filters.put("metric", Parameters.text(metric));
        filters.put("scope", CurrentUser.get().scope().kind().name());
        return exports.send("goals", fileFormat, on.toString(), filters, COLUMNS, rows);
    }
}
