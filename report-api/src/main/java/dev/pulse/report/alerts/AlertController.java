package dev.pulse.report.alerts;

import dev.pulse.events.alerts.AlertKind;
import dev.pulse.events.alerts.AlertStatus;
import dev.pulse.events.messages.MessageCode;
import dev.pulse.report.exports.Columns;
import dev.pulse.report.exports.ExportFormat;
import dev.pulse.report.exports.Exports;
import dev.pulse.report.security.Scopes;
import dev.pulse.report.web.BadRequestException;
import dev.pulse.report.web.Parameters;
import dev.pulse.report.web.Rows;
import dev.pulse.security.AccessScope;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Stale and overdue customers, the alert history, and the "who to call today" digest. */
@RestController
class AlertController {

    /** The stale list's export columns; also the columns of the stale drill-down list. */
    public static final Columns<StaleCustomerView> COLUMNS = Columns.of(
            Columns.text("customer_id", StaleCustomerView::customerId),
            Columns.text("customer_name", StaleCustomerView::customerName),
            Columns.text("rep_id", StaleCustomerView::repId), Columns.text("team_id", StaleCustomerView::teamId),
            Columns.text("stage", StaleCustomerView::stage), Columns.text("kind", StaleCustomerView::kind),
            Columns.time("last_follow_up_at", StaleCustomerView::lastFollowUpAt),
            Columns.time("next_follow_up_at", StaleCustomerView::nextFollowUpAt),
            Columns.decimal("days_since", v -> java.math.BigDecimal.valueOf(v.daysSince())),
            Columns.decimal("threshold_days", StaleCustomerView::thresholdDays),
            Columns.time("due_at", StaleCustomerView::dueAt), Columns.time("opened_at", StaleCustomerView::openedAt));

    private final AlertRepository repository;
    private final Digests digests;
    private final MorningReminders reminders;
    private final Clock clock;
    private final Exports exports;

    AlertController(AlertRepository repository, Digests digests, MorningReminders reminders, Clock clock,
                    Exports exports) {
        this.repository = repository;
        this.digests = digests;
        this.reminders = reminders;
        this.clock = clock;
        this.exports = exports;
    }

    @Operation(summary = "Customers with an open STALE, OVERDUE or ESCALATED alert (RELEASED when asked), longest silence first")
    @GetMapping("/api/v1/reports/stale-customers")
    Rows<StaleCustomerView> staleCustomers(@RequestParam(required = false) String repId,
                                           @RequestParam(required = false) String teamId,
                                           @RequestParam(required = false) String source,
                                           @RequestParam(required = false) String kind) {
        AccessScope scope = Scopes.checked(blankToNull(repId), blankToNull(teamId));
        return new Rows<>(repository.staleCustomers(scope, blankToNull(repId), blankToNull(teamId), blankToNull(source),
                kind(kind), clock.instant()));
    }

    @Operation(summary = "The stale list as CSV or XLSX (same parameters and scope), audited")
    @GetMapping("/api/v1/exports/stale-customers")
    ResponseEntity<StreamingResponseBody> exportStaleCustomers(@RequestParam(defaultValue = "csv") String format,
                                                               @RequestParam(required = false) String repId,
                                                               @RequestParam(required = false) String teamId,
                                                               @RequestParam(required = false) String source,
                                                               @RequestParam(required = false) String kind) {
        ExportFormat fileFormat = exports.format(format);
        var rows = staleCustomers(repId, teamId, source, kind).rows();
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("repId", blankToNull(repId));
        filters.put("teamId", blankToNull(teamId));
        filters.put("source", blankToNull(source));
        filters.put("kind", kind(kind));
        filters.put("scope", Scopes.checked(null, null).kind().name());
        return exports.send("stale-customers", fileFormat, LocalDate.now(clock).toString(), filters, COLUMNS, rows);
    }

    @Operation(summary = "Alerts, newest first: status OPEN or RESOLVED, or all")
    @GetMapping("/api/v1/alerts")
    Rows<AlertView> alerts(@RequestParam(required = false) String status,
                           @RequestParam(required = false) String customerId,
                           @RequestParam(defaultValue = "500") int limit) {
        return new Rows<>(repository.alerts(Scopes.checked(null, null), status(status), blankToNull(customerId),
                Parameters.limit(limit, 5_000)));
    }

    @Operation(summary = "Who to call today: open alerts of one rep or one team (the daily digest's content)")
    @GetMapping("/api/v1/alerts/digest")
    Digests.Digest digest(@RequestParam(required = false) String repId, @RequestParam(required = false) String teamId) {
        if ((repId == null || repId.isBlank()) == (teamId == null || teamId.isBlank())) {
            throw new BadRequestException(MessageCode.REP_OR_TEAM);
        }
        AccessScope scope = Scopes.checked(blankToNull(repId), blankToNull(teamId));
        return repId != null && !repId.isBlank() ? digests.forRep(scope, repId.strip()) : digests.forTeam(scope, teamId.strip());
    }

    @Operation(summary = "The morning reminder of one rep or one team (its manager's list): follow-ups planned for the "
            + "day and customers turning stale that day; the day defaults to today in the reporting zone")
    @GetMapping("/api/v1/alerts/reminder")
    MorningReminders.Reminder reminder(@RequestParam(required = false) String repId,
                                       @RequestParam(required = false) String teamId,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                       LocalDate date) {
        if ((repId == null || repId.isBlank()) == (teamId == null || teamId.isBlank())) {
            throw new BadRequestException(MessageCode.REP_OR_TEAM);
        }
        Scopes.checked(blankToNull(repId), blankToNull(teamId));
        LocalDate day = date == null ? reminders.today() : date;
        return repId != null && !repId.isBlank() ? reminders.forRep(repId.strip(), day) : reminders.forTeam(teamId.strip(), day);
    }

    private static String kind(String value) {
        return parse(value, AlertKind.class);
    }

    private static String status(String value) {
        return parse(value, AlertStatus.class);
    }

    private static <E extends Enum<E>> String parse(String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(MessageCode.PARAMETER_ONE_OF,
                    type.getSimpleName().replace("Alert", "").toLowerCase(Locale.ROOT), Arrays.toString(type.getEnumConstants()));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
