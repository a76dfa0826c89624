package dev.pulse.report.pool;

import dev.pulse.report.exports.Cell;
import dev.pulse.report.exports.ExportFiles;
import dev.pulse.report.exports.ExportFormat;
import dev.pulse.report.exports.Sheet;
import dev.pulse.report.config.ReportProperties;
import dev.pulse.report.web.Parameters;
import dev.pulse.security.audit.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The 公海 pool list as CSV or XLSX, with the same rules as the stage-conversion export (BOM,
 * formula-safe text, inline strings). Times are written in the reporting zone, as the pages show them.
 */
@RestController
class PoolExportController {

    static final List<String> HEADER = List.of("customer_id", "customer_name", "stage", "released_from_rep", "team",
            "last_follow_up_at", "released_at", "days_since_follow_up");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PoolRepository pool;
    private final AuditLog audit;
    private final ZoneId zone;
    private final Clock clock;

    PoolExportController(PoolRepository pool, AuditLog audit, ReportProperties report, Clock clock) {
        this.pool = pool;
        this.audit = audit;
        this.zone = report.zone();
        this.clock = clock;
    }

    @Operation(summary = "The 公海 pool export (CSV or XLSX): one row per released customer")
    @GetMapping("/api/v1/exports/pool")
    ResponseEntity<StreamingResponseBody> pool(
            @Parameter(description = "csv (UTF-8 with BOM, RFC 4180) or xlsx") @RequestParam(defaultValue = "csv") String format,
            @Parameter(description = "Only customers this team let go") @RequestParam(required = false) String teamId,
            @Parameter(description = PoolController.WITHOUT_TEAM) @RequestParam(defaultValue = "false") boolean withoutTeam,
            @Parameter(description = "Only customers this rep let go") @RequestParam(required = false) String repId,
            @Parameter(description = "Only customers of this source") @RequestParam(required = false) String source) {
        ExportFormat fileFormat = Parameters.oneOf(ExportFormat.class, "format", format);
        String team = Parameters.text(teamId);
        List<PoolCustomerView> customers = PoolController.customers(pool, teamId, withoutTeam, repId, source,
                clock.instant());
        String fileName = "pool_" + LocalDate.now(clock.withZone(zone)) + "." + fileFormat.extension();
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("format", Parameters.lower(fileFormat));
        filters.put("teamId", team);
        if (withoutTeam) {
            filters.put("withoutTeam", true);
        }
        filters.put("repId", Parameters.text(repId));
        filters.put("source", Parameters.text(source));
        return ExportFiles.send(audit, "export.pool", fileFormat, fileName, filters,
                new Sheet("pool", HEADER, customers.stream().map(this::cells).iterator()));
    }

    private List<Cell> cells(PoolCustomerView customer) {
        return List.of(Cell.text(customer.customerId()), Cell.text(customer.customerName()), Cell.text(customer.stage()),
                Cell.text(customer.releasedFromRepId()), Cell.text(customer.teamId()), Cell.text(time(customer.lastFollowUpAt())),
                Cell.text(time(customer.releasedAt())), Cell.decimal(BigDecimal.valueOf(customer.daysSince())));
    }

    private String time(OffsetDateTime at) {
        return at == null ? null : TIME.format(at.atZoneSameInstant(zone));
    }
}
