package dev.pulse.report.exports;

import dev.pulse.events.messages.MessageCode;
import dev.pulse.report.funnel.CohortGrouping;
import dev.pulse.report.funnel.FunnelFilter;
import dev.pulse.report.funnel.FunnelQueries;
import dev.pulse.report.funnel.GroupFunnel;
import dev.pulse.report.web.BadRequestException;
import dev.pulse.report.web.DateRange;
import dev.pulse.security.audit.AuditLog;
import dev.pulse.security.web.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.util.UriUtils;

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
            @Parameter(description = "First cohort day (ISO date)")
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "Last cohort day, inclusive (ISO date)")
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "month (cohort month, e.g. 2026-11), rep (owner rep id) or team (team id)")
            @RequestParam(defaultValue = "month") String groupBy,
            @Parameter(description = "Only customers owned by this rep") @RequestParam(required = false) String repId,
            @Parameter(description = "Only customers owned by this team") @RequestParam(required = false) String teamId,
            @Parameter(description = "Only customers from this source") @RequestParam(required = false) String source) {
        ExportFormat fileFormat = parse(ExportFormat.class, "format", format);
        CohortGrouping grouping = parse(CohortGrouping.class, "groupBy", groupBy);
        DateRange cohort = new DateRange(from, to);
        FunnelFilter filter = FunnelFilter.forCaller(cohort, repId, teamId, source);
        List<GroupFunnel> groups = queries.funnelsBy(filter, grouping);
        audit.record(CurrentUser.get(), "export.stage-conversion", fileName(cohort, grouping, fileFormat),
                filters(filter, grouping, fileFormat));
        StreamingResponseBody body = out -> fileFormat.write("stage-conversion", StageConversionRow.HEADER,
                groups.stream().flatMap(StageConversionRow::of).map(StageConversionRow::cells).iterator(), out);
        return ResponseEntity.ok()
                .contentType(fileFormat.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName(cohort, grouping, fileFormat)))
                .body(body);
    }

    private static Map<String, Object> filters(FunnelFilter filter, CohortGrouping grouping, ExportFormat format) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("format", lower(format));
        filters.put("from", filter.cohort().from().toString());
        filters.put("to", filter.cohort().to().toString());
        filters.put("groupBy", lower(grouping));
        filters.put("repId", filter.repId());
        filters.put("teamId", filter.teamId());
        filters.put("source", filter.source());
        filters.put("scope", filter.scope().kind().name());
        return filters;
    }

    /** Built only from validated values (two dates and two enums), never from the raw parameters. */
    static String fileName(DateRange cohort, CohortGrouping grouping, ExportFormat format) {
        return "stage-conversion_" + cohort.from() + "_" + cohort.to() + "_by-" + lower(grouping) + "." + format.extension();
    }

    /** Both the plain and the RFC 6266 {@code filename*} form, for clients that read only one of them. */
    static String attachment(String fileName) {
        return ContentDisposition.attachment().filename(fileName).build()
                + "; filename*=UTF-8''" + UriUtils.encode(fileName, StandardCharsets.UTF_8);
    }

    /** The constant named by the value, whatever its case; the raw value is not echoed back. */
    static <E extends Enum<E>> E parse(Class<E> type, String parameter, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(MessageCode.PARAMETER_ONE_OF, parameter,
                    Arrays.stream(type.getEnumConstants()).map(StageConversionExportController::lower).toList());
        }
    }

    static String lower(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
