package dev.pulse.report.duplicates;

import dev.pulse.report.exports.Columns;
import dev.pulse.report.exports.ExportFormat;
import dev.pulse.report.exports.Exports;
import dev.pulse.report.web.Parameters;
import dev.pulse.report.web.Rows;
import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The duplicate flags as CSV or XLSX, audited: the list behind the overview's flag card and the
 * duplicates page's bars, with the same parameters and scope as {@code /api/v1/reports/duplicates}.
 * Ids, keys and names in a flag are typed by someone: they go out as text, formula-safe.
 */
@RestController
class DuplicateExportController {

    static final Columns<DuplicateFlagView> COLUMNS = Columns.of(
            Columns.text("flag_id", flag -> flag.flagId().toString()), Columns.text("type", DuplicateFlagView::type),
            Columns.text("key", DuplicateFlagView::key),
            Columns.text("customer_ids", flag -> String.join(" ", flag.customerIds())),
            Columns.text("rep_ids", flag -> String.join(" ", flag.repIds())),
            Columns.time("first_seen_at", DuplicateFlagView::firstSeenAt),
            Columns.time("updated_at", DuplicateFlagView::updatedAt), Columns.text("status", DuplicateFlagView::status),
            Columns.text("dismissed_by", DuplicateFlagView::dismissedBy),
            Columns.text("dismissed_reason", DuplicateFlagView::dismissedReason));

    private final DuplicateController flags;
    private final Exports exports;

    DuplicateExportController(DuplicateController flags, Exports exports) {
        this.flags = flags;
        this.exports = exports;
    }

    @Operation(summary = "The duplicate flags as CSV or XLSX (same parameters and scope as the list), audited")
    @GetMapping("/api/v1/exports/duplicates")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "csv") String format,
                                                 @RequestParam(required = false) String type,
                                                 @RequestParam(defaultValue = "OPEN") String status,
                                                 @RequestParam(required = false) String repId,
                                                 @RequestParam(required = false) String teamId,
                                                 @RequestParam(required = false) String source) {
        ExportFormat fileFormat = exports.format(format);
        // the list's own method: the same checks, scope and rows
        Rows<DuplicateFlagView> rows = flags.flags(type, status, repId, teamId, source);
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("type", Parameters.text(type) == null ? null : type.strip().toUpperCase(Locale.ROOT));
        filters.put("status", status.strip().toUpperCase(Locale.ROOT));
        filters.put("repId", Parameters.text(repId));
        filters.put("teamId", Parameters.text(teamId));
        filters.put("source", Parameters.text(source));
        return exports.send("duplicates", fileFormat, null, filters, COLUMNS, rows.rows());
    }
}
