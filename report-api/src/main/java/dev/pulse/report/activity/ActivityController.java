package dev.pulse.report.activity;

import dev.pulse.events.activity.ActivityScope;
import dev.pulse.events.activity.Granularity;
import dev.pulse.events.messages.MessageCode;
import dev.pulse.report.config.ReportProperties;
import dev.pulse.report.exports.Columns;
import dev.pulse.report.exports.ExportFormat;
import dev.pulse.report.exports.Exports;
import dev.pulse.report.security.Scopes;
import dev.pulse.report.web.BadRequestException;
import dev.pulse.report.web.DateRange;
import dev.pulse.report.web.PeriodQuery;
import dev.pulse.report.web.Rows;
import dev.pulse.security.AccessScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Per-rep and per-team follow-up activity (DESIGN.md definition 1). */
@RestController
@RequestMapping("/api/v1")
class ActivityController {

    /** The activity exports' columns: the report's fields, one column per channel. */
    static final Columns<ActivityRowView> COLUMNS = Columns.of(
            Columns.text("rep_id", ActivityRowView::repId), Columns.text("team_id", ActivityRowView::teamId),
            Columns.text("bucket", ActivityRowView::bucket), Columns.date("period_start", ActivityRowView::periodStart),
            Columns.date("period_end", ActivityRowView::periodEnd), Columns.count("follow_ups", ActivityRowView::followUps),
            Columns.count("customers", ActivityRowView::customers), channel("PHONE"), channel("WECHAT"), channel("EMAIL"),
            channel("MEETING"), channel("VISIT"), channel("OTHER"));

    private static final String SOURCE = "Only the customers of this source (a customer's source is the first its "
            + "follow-ups name): counted from the follow-ups at read time, as the activity rows are not kept per source";

    private final ActivityRepository repository;
    private final ReportProperties properties;
    private final Exports exports;

    ActivityController(ActivityRepository repository, ReportProperties properties, Exports exports) {
        this.repository = repository;
        this.properties = properties;
        this.exports = exports;
    }

    @Operation(summary = "Follow-ups and distinct customers per rep and period (day, ISO week, month)")
    @GetMapping("/reports/rep-activity")
    Rows<ActivityRowView> repActivity(
            @ParameterObject PeriodQuery period,
            @RequestParam(defaultValue = "day") String granularity) {
        AccessScope scope = Scopes.checked(period.rep(), period.team());
        return new Rows<>(repository.rows(scope, ActivityScope.REP, granularity(granularity), period.range(),
                period.rep(), period.team(), period.customerSource(), properties.zone()));
    }

    @Operation(summary = "Follow-ups and distinct customers per team and period")
    @GetMapping("/reports/team-activity")
    Rows<ActivityRowView> teamActivity(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "day") String granularity,
            @RequestParam(required = false) String teamId,
            @Parameter(description = SOURCE) @RequestParam(required = false) String source) {
        AccessScope scope = Scopes.checked(null, blankToNull(teamId));
        return new Rows<>(repository.rows(scope, ActivityScope.TEAM, granularity(granularity), new DateRange(from, to),
                null, blankToNull(teamId), blankToNull(source), properties.zone()));
    }

    @Operation(summary = "The rep-activity report as CSV or XLSX (same parameters and scope), audited")
    @GetMapping("/exports/rep-activity")
    ResponseEntity<StreamingResponseBody> exportRepActivity(
            @RequestParam(defaultValue = "csv") String format,
            @ParameterObject PeriodQuery period,
            @RequestParam(defaultValue = "day") String granularity) {
        ExportFormat fileFormat = exports.format(format);
        var rows = repActivity(period, granularity).rows();
        return exports.send("rep-activity", fileFormat, period.period() + "_" + granularity(granularity).name().toLowerCase(Locale.ROOT),
                audited(period.from(), period.to(), granularity, period.repId(), period.teamId(), period.source()), COLUMNS,
                rows);
    }

    @Operation(summary = "The team-activity report as CSV or XLSX (same parameters and scope), audited")
    @GetMapping("/exports/team-activity")
    ResponseEntity<StreamingResponseBody> exportTeamActivity(
            @RequestParam(defaultValue = "csv") String format,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "day") String granularity,
            @RequestParam(required = false) String teamId,
            @RequestParam(required = false) String source) {
        ExportFormat fileFormat = exports.format(format);
        var rows = teamActivity(from, to, granularity, teamId, source).rows();
        return exports.send("team-activity", fileFormat, from + "_" + to + "_" + granularity(granularity).name().toLowerCase(Locale.ROOT),
                audited(from, to, granularity, null, teamId, source), COLUMNS, rows);
    }

    @Operation(summary = "Totals for the overview: follow-ups, active reps, teams, customer touches, sales, revenue per currency")
    @GetMapping("/reports/summary")
    ActivitySummary summary(
            @ParameterObject PeriodQuery period) {
        AccessScope scope = Scopes.checked(period.rep(), period.team());
        return repository.summary(scope, period.range(), period.rep(), period.team(), period.customerSource(),
                properties.zone());
    }

    @Operation(summary = "Teams and their reps, as seen in the activity (within the caller's scope)")
    @GetMapping("/teams")
    Rows<TeamView> teams() {
        return new Rows<>(repository.teams(Scopes.checked(null, null)));
    }

    private static Map<String, Object> audited(LocalDate from, LocalDate to, String granularity, String repId, String teamId,
                                               String source) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("from", from.toString());
        filters.put("to", to.toString());
        filters.put("granularity", granularity(granularity).name().toLowerCase(Locale.ROOT));
        filters.put("repId", blankToNull(repId));
        filters.put("teamId", blankToNull(teamId));
        filters.put("source", blankToNull(source));
        filters.put("scope", Scopes.checked(null, null).kind().name());
        return filters;
    }

    private static Columns.Column<ActivityRowView> channel(String channel) {
        return Columns.count(channel.toLowerCase(Locale.ROOT), row -> row.byChannel().getOrDefault(channel, 0L));
    }

    private static Granularity granularity(String value) {
        try {
            return Granularity.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(MessageCode.PARAMETER_NOT_ONE_OF, "granularity", Arrays.stream(Granularity.values())
                    .map(g -> g.name().toLowerCase(Locale.ROOT)).toList(), value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
