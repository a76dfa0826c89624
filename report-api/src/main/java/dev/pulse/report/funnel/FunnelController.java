package dev.pulse.report.funnel;

import dev.pulse.report.exports.ExportFormat;
import dev.pulse.report.exports.Exports;
import dev.pulse.report.web.DateRange;
import dev.pulse.report.web.Parameters;
import dev.pulse.report.web.Rows;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The stage funnel of a cohort (DESIGN.md definition 2): customers whose first follow-up falls
 * between {@code from} and {@code to} (inclusive days in the reporting time zone), optionally only
 * those of one owner rep, team or source. Its stage conversion rates, per group (cohort month, rep
 * or team) and adjacent pair of forward stages, are also a file for BI tools (DESIGN.md "Storage and
 * reads"); the groups are summed before the answer starts, so a database failure is a 500 rather
 * than a truncated file.
 */
@RestController
@RequestMapping("/api/v1")
class FunnelController {

    private static final String FROM = "First cohort day: customers whose first follow-up is on or after it (ISO date)";
    private static final String TO = "Last cohort day, inclusive (ISO date)";
    private static final String TEAM = "Only customers owned by this team";
    private static final String SOURCE = "Only customers from this source (of their first follow-up naming one)";

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final FunnelQueries queries;
    private final Exports exports;

    FunnelController(FunnelQueries queries, Exports exports) {
        this.queries = queries;
        this.exports = exports;
    }

    @Operation(summary = "Stage funnel of a cohort: reached and current per stage, adjacent conversion rates, won, lost, win rate")
    @ApiResponse(responseCode = "400", description = "missing or invalid from/to, or from after to",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/reports/funnel")
    FunnelView funnel(
            @ParameterObject CohortQuery cohort) {
        return queries.funnel(cohort.filter());
    }

    @Operation(summary = "Stage conversion export (CSV or XLSX): one row per group and adjacent stage pair with "
            + "reached_from, reached_to, rate, won, lost, win_rate")
    @ApiResponse(responseCode = "200", description = "the file, as an attachment named after the period and grouping",
            content = {@Content(mediaType = "text/csv"), @Content(mediaType = XLSX)})
    @ApiResponse(responseCode = "400", description = "missing or invalid from/to, from after to, unknown format or groupBy",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/exports/stage-conversion")
    ResponseEntity<StreamingResponseBody> stageConversion(
            @Parameter(description = "csv (UTF-8 with BOM, RFC 4180) or xlsx") @RequestParam(defaultValue = "csv") String format,
            @ParameterObject CohortQuery cohort,
            @Parameter(description = "month (cohort month, e.g. 2026-11), rep (owner rep id) or team (team id)")
            @RequestParam(defaultValue = "month") String groupBy) {
        ExportFormat fileFormat = exports.format(format);
        CohortGrouping grouping = Parameters.oneOf(CohortGrouping.class, "groupBy", groupBy);
        FunnelFilter filter = cohort.filter();
        List<StageConversionRow> rows = queries.funnelsBy(filter, grouping).stream().flatMap(StageConversionRow::of).toList();
        return exports.sendGrouped("stage-conversion", fileFormat, filter, grouping, Map.of(), StageConversionRow.COLUMNS,
                rows);
    }

    @Operation(summary = "Stage-to-stage transition counts of a cohort, backward moves included, most frequent first")
    @ApiResponse(responseCode = "400", description = "missing or invalid from/to, or from after to",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/reports/stage-transitions")
    Rows<TransitionView> stageTransitions(
            @ParameterObject CohortQuery cohort) {
        return new Rows<>(queries.transitions(cohort.filter()));
    }

    @Operation(summary = "Median whole days from entering a stage to entering a later one, per stage in pipeline order "
            + "(with an even number of customers the lower middle value)")
    @ApiResponse(responseCode = "400", description = "missing or invalid from/to, or from after to",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/reports/time-in-stage")
    Rows<TimeInStageView> timeInStage(
            @ParameterObject CohortQuery cohort) {
        return new Rows<>(queries.timeInStage(cohort.filter()));
    }

    @Operation(summary = "Follow-up to sale conversion per owner rep: customers, customers with a sale, revenue per currency")
    @ApiResponse(responseCode = "400", description = "missing or invalid from/to, or from after to",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/reports/rep-conversion")
    Rows<RepConversionView> repConversion(
            @Parameter(description = FROM) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = TO) @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = TEAM) @RequestParam(required = false) String teamId,
            @Parameter(description = SOURCE) @RequestParam(required = false) String source) {
        return new Rows<>(queries.repConversion(FunnelFilter.forCaller(new DateRange(from, to), null, teamId, source)));
    }

    @Operation(summary = "The pipeline's stages: code, order (0 for LOST), Chinese and English names, terminal")
    @GetMapping("/pipeline")
    PipelineView pipeline() {
        return queries.pipeline();
    }
}
