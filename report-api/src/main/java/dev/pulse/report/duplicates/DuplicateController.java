package dev.pulse.report.duplicates;

import dev.pulse.events.duplicates.DuplicateType;
import dev.pulse.events.messages.Message;
import dev.pulse.events.messages.MessageCode;
import dev.pulse.report.exports.Columns;
import dev.pulse.report.exports.ExportFormat;
import dev.pulse.report.exports.Exports;
import dev.pulse.report.live.LiveBroadcast;
import dev.pulse.report.live.LiveUpdates;
import dev.pulse.report.security.Scopes;
import dev.pulse.report.web.BadRequestException;
import dev.pulse.report.web.Parameters;
import dev.pulse.report.web.RefusedException;
import dev.pulse.report.web.Rows;
import dev.pulse.security.AccessScope;
import dev.pulse.security.web.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Duplicate flags (DESIGN.md definition 4), as a list and as CSV or XLSX (the list behind the
 * overview's flag card and the duplicates page's bars), and a manager's dismissal of one.
 */
@RestController
class DuplicateController {

    private static final String FLAGS = "/api/v1/reports/duplicates";

    /** Ids, keys and names in a flag are typed by someone: they go out as text, formula-safe. */
    static final Columns<DuplicateFlagView> COLUMNS = Columns.of(
            Columns.text("flag_id", flag -> flag.flagId().toString()), Columns.text("type", DuplicateFlagView::type),
            Columns.text("key", DuplicateFlagView::key),
            Columns.text("customer_ids", flag -> String.join(" ", flag.customerIds())),
            Columns.text("rep_ids", flag -> String.join(" ", flag.repIds())),
            Columns.time("first_seen_at", DuplicateFlagView::firstSeenAt),
            Columns.time("updated_at", DuplicateFlagView::updatedAt), Columns.text("status", DuplicateFlagView::status),
            Columns.text("dismissed_by", DuplicateFlagView::dismissedBy),
            Columns.text("dismissed_reason", DuplicateFlagView::dismissedReason));

    private static final int MAX_BY = 200;
    private static final int MAX_REASON = 2_000;

    private final DuplicateRepository repository;
    private final LiveBroadcast live;
    private final Exports exports;

    DuplicateController(DuplicateRepository repository, LiveBroadcast live, Exports exports) {
        this.repository = repository;
        this.live = live;
        this.exports = exports;
    }

    @Operation(summary = "Duplicate flags, newest first: open by default; status=DISMISSED or ALL for the others")
    @GetMapping(FLAGS)
    Rows<DuplicateFlagView> flags(@RequestParam(required = false) String type,
                                  @RequestParam(defaultValue = "OPEN") String status,
                                  @RequestParam(required = false) String repId,
                                  @RequestParam(required = false) String teamId,
                                  @RequestParam(required = false) String source) {
        FlagFilter filter = new FlagFilter(Parameters.text(repId), Parameters.text(teamId), Parameters.text(source));
        return new Rows<>(repository.find(Scopes.checked(filter.repId(), filter.teamId()), filter, type(type), status(status)));
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
        Rows<DuplicateFlagView> rows = flags(type, status, repId, teamId, source);
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("type", Parameters.text(type) == null ? null : type.strip().toUpperCase(Locale.ROOT));
        filters.put("status", status.strip().toUpperCase(Locale.ROOT));
        filters.put("repId", Parameters.text(repId));
        filters.put("teamId", Parameters.text(teamId));
        filters.put("source", Parameters.text(source));
        return exports.send("duplicates", fileFormat, null, filters, COLUMNS, rows.rows());
    }

    @Operation(summary = "Open flags per type, and their total, for the overview (narrowed as the list is)")
    @GetMapping(FLAGS + "/counts")
    Map<String, Integer> counts(@RequestParam(required = false) String repId,
                                @RequestParam(required = false) String teamId,
                                @RequestParam(required = false) String source) {
        FlagFilter filter = new FlagFilter(Parameters.text(repId), Parameters.text(teamId), Parameters.text(source));
        Map<String, Integer> byType = repository.openCountsByType(Scopes.checked(filter.repId(), filter.teamId()), filter);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (DuplicateType type : DuplicateType.values()) {
            counts.put(type.name(), byType.getOrDefault(type.name(), 0));
        }
        counts.put("total", counts.values().stream().mapToInt(Integer::intValue).sum());
        return counts;
    }

    @Operation(summary = "Dismiss an open flag, keeping who dismissed it (the caller) and why; 404 unknown or"
            + " outside the caller's scope, 409 not open")
    @PostMapping(FLAGS + "/{flagId}/dismiss")
    DuplicateFlagView dismiss(@PathVariable String flagId, @RequestBody DismissRequest request) {
        UUID id = uuid(flagId);
        String reason = required("reason", request.reason(), MAX_REASON);
        AccessScope scope = Scopes.checked(null, null);
        String by = CurrentUser.get().name();
        if (by.length() > MAX_BY) {
            by = by.substring(0, MAX_BY);
        }
        if (!repository.dismiss(scope, id, by, reason)) {
            throw repository.findById(scope, id).isPresent()
                    ? new RefusedException(HttpStatus.CONFLICT, Message.of(MessageCode.FLAG_NOT_OPEN, id))
                    : new RefusedException(HttpStatus.NOT_FOUND, Message.of(MessageCode.NO_SUCH_FLAG, id));
        }
        live.publish(LiveUpdates.DUPLICATES);
        return repository.findById(scope, id).orElseThrow();
    }

    private static String type(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DuplicateType.valueOf(value.strip().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(MessageCode.PARAMETER_ONE_OF, "type", Arrays.toString(DuplicateType.values()));
        }
    }

    private static String status(String value) {
        return switch (value.strip().toUpperCase(Locale.ROOT)) {
            case "OPEN" -> DuplicateRepository.OPEN;
            case "DISMISSED" -> DuplicateRepository.DISMISSED;
            case "ALL" -> null;
            default -> throw new BadRequestException(MessageCode.PARAMETER_ONE_OF, "status", "OPEN, DISMISSED, ALL");
        };
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(MessageCode.PARAMETER_NOT_A_UUID, "flagId");
        }
    }

    private static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException(MessageCode.PARAMETER_REQUIRED, field);
        }
        String text = value.strip();
        if (text.length() > maxLength || text.codePoints().anyMatch(Character::isISOControl)) {
            throw new BadRequestException(MessageCode.PARAMETER_TOO_LONG, field, maxLength);
        }
        return text;
    }
}
