package dev.pulse.report.pool;

import dev.pulse.events.messages.MessageCode;
import dev.pulse.report.config.ReportProperties;
import dev.pulse.report.exports.Columns;
import dev.pulse.report.exports.ExportFormat;
import dev.pulse.report.exports.Exports;
import dev.pulse.report.web.BadRequestException;
import dev.pulse.report.web.Parameters;
import dev.pulse.report.web.Rows;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The 公海 pool list, and the same list as CSV or XLSX. Unlike the other reports it is not cut to
 * the caller's scope: the pool is where any rep finds a customer to claim, so every rep sees all of
 * it (names, stage and silence only: no contact details are kept in it).
 */
@RestController
class PoolController {

    static final String WITHOUT_TEAM = "Only customers released from no team (the chart's \"no team\" bar); not with teamId";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PoolRepository pool;
    private final Exports exports;
    /** The export writes times in the reporting zone, as the pages show them. */
    private final ZoneId zone;
    private final Clock clock;
    private final Columns<PoolCustomerView> columns;

    PoolController(PoolRepository pool, Exports exports, ReportProperties report, Clock clock) {
        this.pool = pool;
        this.exports = exports;
        this.zone = report.zone();
        this.clock = clock;
        this.columns = Columns.of(Columns.text("customer_id", PoolCustomerView::customerId),
                Columns.text("customer_name", PoolCustomerView::customerName), Columns.text("stage", PoolCustomerView::stage),
                Columns.text("released_from_rep", PoolCustomerView::releasedFromRepId),
                Columns.text("team", PoolCustomerView::teamId), time("last_follow_up_at", PoolCustomerView::lastFollowUpAt),
                time("released_at", PoolCustomerView::releasedAt),
                Columns.decimal("days_since_follow_up", customer -> BigDecimal.valueOf(customer.daysSince())));
    }

    @Operation(summary = "Customers released to the 公海 pool, longest there first; the next rep to follow one up claims it")
    @GetMapping("/api/v1/reports/pool")
    Rows<PoolCustomerView> pool(@RequestParam(required = false) String teamId,
                                @Parameter(description = WITHOUT_TEAM) @RequestParam(defaultValue = "false") boolean withoutTeam,
                                @RequestParam(required = false) String repId,
                                @RequestParam(required = false) String source) {
        return new Rows<>(customers(teamId, withoutTeam, repId, source));
    }

    @Operation(summary = "The 公海 pool export (CSV or XLSX): one row per released customer")
    @GetMapping("/api/v1/exports/pool")
    ResponseEntity<StreamingResponseBody> export(
            @Parameter(description = "csv (UTF-8 with BOM, RFC 4180) or xlsx") @RequestParam(defaultValue = "csv") String format,
            @Parameter(description = "Only customers this team let go") @RequestParam(required = false) String teamId,
            @Parameter(description = WITHOUT_TEAM) @RequestParam(defaultValue = "false") boolean withoutTeam,
            @Parameter(description = "Only customers this rep let go") @RequestParam(required = false) String repId,
            @Parameter(description = "Only customers of this source") @RequestParam(required = false) String source) {
        ExportFormat fileFormat = exports.format(format);
        List<PoolCustomerView> customers = customers(teamId, withoutTeam, repId, source);
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("teamId", Parameters.text(teamId));
        if (withoutTeam) {
            filters.put("withoutTeam", true);
        }
        filters.put("repId", Parameters.text(repId));
        filters.put("source", Parameters.text(source));
        return exports.send("pool", fileFormat, LocalDate.now(clock.withZone(zone)).toString(), filters, columns, customers);
    }

    /** The pool as the page's filters and bars cut it: a team, or no team; a rep; a source. */
    private List<PoolCustomerView> customers(String teamId, boolean withoutTeam, String repId, String source) {
        String team = Parameters.text(teamId);
        if (withoutTeam && team != null) {
            throw new BadRequestException(MessageCode.PARAMETERS_EXCLUSIVE, "teamId", "withoutTeam");
        }
        Instant now = clock.instant();
        return withoutTeam ? pool.customersOfNoTeam(Parameters.text(repId), Parameters.text(source), now)
                : pool.customers(team, Parameters.text(repId), Parameters.text(source), now);
    }

    private Columns.Column<PoolCustomerView> time(String name, Function<PoolCustomerView, OffsetDateTime> value) {
        return Columns.text(name, customer -> {
            OffsetDateTime at = value.apply(customer);
            return at == null ? null : TIME.format(at.atZoneSameInstant(zone));
        });
    }
}
