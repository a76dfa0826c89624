package dev.pulse.report.goals;

import dev.pulse.events.messages.Message;
import dev.pulse.events.messages.MessageCode;
import dev.pulse.report.exports.Columns;
import dev.pulse.report.exports.ExportFormat;
import dev.pulse.report.exports.Exports;
import dev.pulse.report.security.ForbiddenException;
import dev.pulse.report.security.Scopes;
import dev.pulse.report.web.BadRequestException;
import dev.pulse.report.web.Parameters;
import dev.pulse.report.web.RefusedException;
import dev.pulse.report.web.Rows;
import dev.pulse.security.AccessScope;
import dev.pulse.security.PulseUser;
import dev.pulse.security.Role;
import dev.pulse.security.audit.AuditLog;
import dev.pulse.security.web.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Goals and pacing (issue 15), and their attainment as a file. Everyone who reads sees the goals of their scope (a rep their own);
 * a manager sets the goals of their teams and of the reps seen working in them, an admin any (the
 * security configuration lets only those two write). Every change is audited.
 */
@RestController
class GoalController {

    private static final String DAY = "A day of the periods wanted (ISO date); default today in the reporting zone";

    /** The leaderboard of one team. */
    record Leaderboard(String teamId, Metric metric, LocalDate day, List<GoalAttainments.Place> rows) {
    }

    /** The goals page's attainment table as a file. */
    static final Columns<Attainment> COLUMNS = Columns.of(
            Columns.text("scope", row -> row.scope().name()), Columns.text("rep_id", Attainment::repId),
            Columns.text("team_id", Attainment::teamId), Columns.text("metric", row -> row.metric().name()),
            Columns.date("period_start", Attainment::periodStart), Columns.date("period_end", Attainment::periodEnd),
            Columns.text("currency", Attainment::currency), Columns.decimal("target", Attainment::target),
            Columns.decimal("actual", Attainment::actual), Columns.rate("attainment", Attainment::attainment),
            Columns.rate("elapsed", Attainment::elapsed), Columns.decimal("expected", Attainment::expected),
            Columns.rate("pace", Attainment::pace), Columns.text("behind_pace", row -> row.behindPace() ? "yes" : "no"));

    private final Goals goals;
    private final GoalAttainments attainments;
    private final Exports exports;
    private final AuditLog audit;
    private final Clock clock;

    GoalController(Goals goals, GoalAttainments attainments, Exports exports, AuditLog audit, Clock clock) {
        this.goals = goals;
        this.attainments = attainments;
        this.exports = exports;
        this.audit = audit;
        this.clock = clock;
    }

    @Operation(summary = "The goals of the caller's scope, those whose period contains day when given")
    @GetMapping("/api/v1/goals")
    Rows<Goal> list(@ParameterObject GoalQuery query) {
        String rep = Parameters.text(query.repId());
        String team = Parameters.text(query.teamId());
        return new Rows<>(goals.list(Scopes.checked(rep, team), query.day(), rep, team, GoalAttainments.metric(query.metric())));
    }

    @Operation(summary = "Each goal of the period against what was done so far: actual, attainment, elapsed share, pace")
    @GetMapping("/api/v1/reports/goals/attainment")
    Rows<Attainment> attainment(@ParameterObject GoalQuery query) {
        return new Rows<>(attainments.forCaller(query.day(), query.repId(), query.teamId(), query.metric()));
    }

    @Operation(summary = "Goals export (CSV or XLSX): each goal of the period with actual, attainment, elapsed share and pace")
    @ApiResponse(responseCode = "400", description = "as the attainment report, or an unknown format",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/api/v1/exports/goals")
    ResponseEntity<StreamingResponseBody> goals(
            @RequestParam(defaultValue = "csv") String format,
            @ParameterObject GoalQuery query) {
        ExportFormat fileFormat = exports.format(format);
        LocalDate on = attainments.dayOr(query.day());
        List<Attainment> rows = attainments.forCaller(on, query.repId(), query.teamId(), query.metric());
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("day", on.toString());
        filters.put("repId", Parameters.text(query.repId()));
        filters.put("teamId", Parameters.text(query.teamId()));
        filters.put("metric", Parameters.text(query.metric()));
        filters.put("scope", CurrentUser.get().scope().kind().name());
        return exports.send("goals", fileFormat, on.toString(), filters, COLUMNS, rows);
    }

    @Operation(summary = "A team's reps ranked by attainment of one metric's goals in the period of day")
    @GetMapping("/api/v1/reports/goals/leaderboard")
    Leaderboard leaderboard(@RequestParam String teamId, @RequestParam String metric,
                            @Parameter(description = DAY) @RequestParam(required = false)
                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        String team = Parameters.text(teamId);
        if (team == null) {
            throw new BadRequestException(MessageCode.PARAMETER_REQUIRED, "teamId");
        }
        Metric wanted = GoalAttainments.metric(metric);
        if (wanted == null) {
            throw new BadRequestException(MessageCode.PARAMETER_REQUIRED, "metric");
        }
        LocalDate on = attainments.dayOr(day);
        return new Leaderboard(team, wanted, on, attainments.leaderboard(team, wanted, on));
    }

    @Operation(summary = "Set a goal (MANAGER for their teams and reps, ADMIN any); 409 when the same goal exists")
    @PostMapping("/api/v1/goals")
    ResponseEntity<Goal> create(@RequestBody GoalRequest request) {
        Goal goal = validated(request, UUID.randomUUID());
        mayWrite(goal);
        if (!goals.insert(goal)) {
            throw exists(goal);
        }
        audit("goal.create", goal);
        return ResponseEntity.status(HttpStatus.CREATED).body(goal);
    }

    @Operation(summary = "Change a goal: its rep or team, metric, period, target or currency")
    @PutMapping("/api/v1/goals/{goalId}")
    Goal update(@PathVariable UUID goalId, @RequestBody GoalRequest request) {
        writable(goalId);
        Goal goal = validated(request, goalId);
        mayWrite(goal);
        if (!goals.update(goal)) {
            throw exists(goal);
        }
        audit("goal.update", goal);
        return goal;
    }

    @Operation(summary = "Remove a goal")
    @DeleteMapping("/api/v1/goals/{goalId}")
    ResponseEntity<Void> delete(@PathVariable UUID goalId) {
        Goal goal = writable(goalId);
        goals.delete(goalId);
        audit("goal.delete", goal);
        return ResponseEntity.noContent().build();
    }

    private Goal validated(GoalRequest request, UUID goalId) {
        if (request == null) {
            throw new BadRequestException(MessageCode.JSON_BODY_REQUIRED);
        }
        return request.validated(goalId, attainments.dayOr(null), CurrentUser.get().name(),
                OffsetDateTime.now(clock));
    }

    /** The stored goal, when the caller may change it; a goal outside their scope is one that does not exist. */
    private Goal writable(UUID goalId) {
        Goal goal = goals.find(goalId).orElse(null);
        AccessScope scope = CurrentUser.get().scope();
        if (goal == null || scope.kind() != AccessScope.Kind.EVERYTHING && !scope.coversTeam(goal.teamId())) {
            throw new RefusedException(HttpStatus.NOT_FOUND, Message.of(MessageCode.NO_SUCH_GOAL, goalId));
        }
        return goal;
    }

    /** An admin sets any goal; a manager the goals of their teams, and of the reps seen working in them. */
    private void mayWrite(Goal goal) {
        PulseUser user = CurrentUser.get();
        if (user.role() == Role.ADMIN) {
            return;
        }
        if (!user.scope().coversTeam(goal.teamId())) {
            throw new ForbiddenException(MessageCode.OUTSIDE_SCOPE_TEAM, goal.teamId());
        }
        if (goal.scope() == Goal.Scope.REP && !goals.seenInTeam(goal.repId(), goal.teamId())) {
            throw new ForbiddenException(MessageCode.GOAL_REP_NOT_IN_TEAM, goal.repId(), goal.teamId());
        }
    }

    private static RefusedException exists(Goal goal) {
        return new RefusedException(HttpStatus.CONFLICT, Message.of(MessageCode.GOAL_EXISTS,
                goal.scope() == Goal.Scope.REP ? "rep" : "team"));
    }

    private void audit(String action, Goal goal) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("scope", goal.scope().name());
        details.put("repId", goal.repId());
        details.put("teamId", goal.teamId());
        details.put("metric", goal.metric().name());
        details.put("periodStart", goal.periodStart().toString());
        details.put("target", goal.target().toPlainString());
        details.put("currency", goal.currency());
        audit.record(CurrentUser.get(), action, goal.goalId().toString(), details);
    }
}
