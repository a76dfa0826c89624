package dev.pulse.report.exports;

import dev.pulse.report.funnel.CohortGrouping;
import dev.pulse.report.funnel.CohortQuery;
import dev.pulse.report.funnel.FunnelFilter;
import dev.pulse.report.funnel.FunnelQueries;
import dev.pulse.report.funnel.GroupFunnel;
import dev.pulse.report.web.Parameters;
import dev.pulse.report.web.DateRange;
import dev.pulse.security.audit.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Stage conversion rates for BI tools (DESIGN.md "Storage and reads"): per group (cohort month,
 * rep or team) and adjacent pair of forward stages, the same figures as the funnel report.
 *
 * <p>The groups are summed before the answer starts, so a database failure is a 500 rather than a
 * truncated file; memory grows with the number of groups only (the cells are read through a
 * cursor). The file itself is streamed to the client as it is written.
 */
@RestController
class StageConversionExportController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final FunnelQueries queries;

    private final AuditLog audit;

    StageConversionExportController(FunnelQueries queries, AuditLog audit) {
        this.queries = queries;
        this.audit = audit;
    }

    @Operation(summary = "Stage conversion export (CSV or XLSX): one row per group and adjacent stage pair with "
            + "reached_from, reached_to, rate, won, lost, win_rate")
    @ApiResponse(responseCode = "200", description = "the file, as an attachment named after the period and grouping",
            content = {@Content(mediaType = "text/csv"), @Content(mediaType = XLSX)})
    @ApiResponse(responseCode = "400", description = "missing or invalid from/to, from after to, unknown format or groupBy",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/api/v1/exports/stage-conversion")
    ResponseEntity<StreamingResponseBody> stageConversion(
            @Parameter(description = "csv (UTF-8 with BOM, RFC 4180) or xlsx") @RequestParam(defaultValue = "csv") String format,
            @ParameterObject CohortQuery cohort,
            @Parameter(description = "month (cohort month, e.g. 2026-11), rep (owner rep id) or team (team id)")
            @RequestParam(defaultValue = "month") String groupBy) {
        ExportFormat fileFormat = Parameters.oneOf(ExportFormat.class, "format", format);
        CohortGrouping grouping = Parameters.oneOf(CohortGrouping.class, "groupBy", groupBy);
        FunnelFilter filter = cohort.filter();
        List<GroupFunnel> groups = queries.funnelsBy(filter, grouping);
        return ExportFiles.send(audit, "export.stage-conversion", fileFormat, fileName(filter.cohort(), grouping, fileFormat),
                ExportFiles.filters(filter, fileFormat, Map.of("groupBy", lower(grouping))),
                new Sheet("stage-conversion", StageConversionRow.HEADER,
                        groups.stream().flatMap(StageConversionRow::of).map(StageConversionRow::cells).iterator()));
    }

    /** Built only from validated values (two dates and two enums), never from the raw parameters. */
    static String fileName(DateRange cohort, CohortGrouping grouping, ExportFormat format) {
        return "stage-conversion_" + cohort.from() + "_" + cohort.to() + "_by-" + lower(grouping) + "." + format.extension();
    }

    private static String lower(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
