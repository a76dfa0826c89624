package dev.pulse.report.activity;

import dev.pulse.events.activity.ActivityScope;
import dev.pulse.events.activity.Granularity;
import dev.pulse.events.messages.MessageCode;
import dev.pulse.report.config.ReportProperties;
import dev.pulse.report.security.Scopes;
import dev.pulse.report.web.BadRequestException;
import dev.pulse.report.web.DateRange;
import dev.pulse.report.web.Rows;
import dev.pulse.security.AccessScope;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Per-rep and per-team follow-up activity (DESIGN.md definition 1). */
@RestController
@RequestMapping("/api/v1")
class ActivityController {

    private final ActivityRepository repository;
    private final ReportProperties properties;

    ActivityController(ActivityRepository repository, ReportProperties properties) {
        this.repository = repository;
        this.properties = properties;
    }

    @Operation(summary = "Follow-ups and distinct customers per rep and period (day, ISO week, month)")
    @GetMapping("/reports/rep-activity")
    Rows<ActivityRowView> repActivity(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "day") String granularity,
            @RequestParam(required = false) String repId,
            @RequestParam(required = false) String teamId) {
        AccessScope scope = Scopes.checked(blankToNull(repId), blankToNull(teamId));
        return new Rows<>(repository.rows(scope, ActivityScope.REP, granularity(granularity), new DateRange(from, to),
                blankToNull(repId), blankToNull(teamId)));
    }

    @Operation(summary = "Follow-ups and distinct customers per team and period")
    @GetMapping("/reports/team-activity")
    Rows<ActivityRowView> teamActivity(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "day") String granularity,
            @RequestParam(required = false) String teamId) {
        AccessScope scope = Scopes.checked(null, blankToNull(teamId));
        return new Rows<>(repository.rows(scope, ActivityScope.TEAM, granularity(granularity), new DateRange(from, to),
                null, blankToNull(teamId)));
    }

    @Operation(summary = "Totals for the overview: follow-ups, active reps, teams, customer touches, sales, revenue per currency")
    @GetMapping("/reports/summary")
    ActivitySummary summary(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String repId,
            @RequestParam(required = false) String teamId) {
        AccessScope scope = Scopes.checked(blankToNull(repId), blankToNull(teamId));
        return repository.summary(scope, new DateRange(from, to), blankToNull(repId), blankToNull(teamId), properties.zone());
    }

    @Operation(summary = "Teams and their reps, as seen in the activity (within the caller's scope)")
    @GetMapping("/teams")
    Rows<TeamView> teams() {
        return new Rows<>(repository.teams(Scopes.checked(null, null)));
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
