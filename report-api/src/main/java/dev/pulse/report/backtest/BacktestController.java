package dev.pulse.report.backtest;

import dev.pulse.events.Pipeline;
import dev.pulse.events.alerts.Ladder;
import dev.pulse.events.alerts.StaleThresholds;
import dev.pulse.events.messages.MessageCode;
import dev.pulse.report.alerts.ReminderProperties;
import dev.pulse.report.config.ReportProperties;
import dev.pulse.report.security.ForbiddenException;
import dev.pulse.report.security.Scopes;
import dev.pulse.report.web.BadRequestException;
import dev.pulse.security.AccessScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Backtest a rule before switching it on: what proposed stale thresholds and ladder waits would
 * have produced over the follow-up history, per ISO week and team. A manager sees their teams, an
 * admin (and BI) every team; a rep is refused, since a rule is a manager's decision.
 */
@RestController
class BacktestController {

    /** About two years: a longer replay says little about rules to switch on now. */
    static final long MAX_DAYS = 731;
    static final int DEFAULT_WEEKS = 12;

    private final Backtest backtest;
    private final BacktestRules current;
    private final Pipeline pipeline;
    private final ReportProperties report;
    private final Clock clock;

    BacktestController(Backtest backtest, ReminderProperties reminders, BacktestProperties properties,
                       ObjectProvider<Pipeline> pipeline, ReportProperties report, Clock clock) {
        this.backtest = backtest;
        this.pipeline = pipeline.getIfAvailable(Pipeline::defaults);
        this.current = new BacktestRules(new StaleThresholds(reminders.staleThresholds(), this.pipeline),
                Ladder.parse(properties.ladder()), true);
        this.report = report;
        this.clock = clock;
    }

    @Operation(summary = "Backtest proposed stale thresholds and ladder waits over the follow-up history: STALE alerts, "
            + "escalations, releases (and claims, overdue alerts) per ISO week and team; the range defaults to the last "
            + "12 weeks; MANAGER, ADMIN and BI only")
    @GetMapping("/api/v1/alerts/backtest")
    BacktestView backtest(
            @Parameter(description = "STAGE:DURATION pairs, e.g. LEAD:P14D,QUOTE:PT36H; a stage left out never goes stale; "
                    + "absent: the thresholds in force") @RequestParam(required = false) String stale,
            @Parameter(description = "STAGE:MANAGER/RELEASE waits as PULSE_LADDER, e.g. LEAD:P3D/P7D; empty: no ladder; "
                    + "absent: the ladder in force") @RequestParam(required = false) String ladder,
            @Parameter(description = "whether OVERDUE alerts are replayed") @RequestParam(defaultValue = "true") boolean overdue,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String teamId) {
        String team = teamId == null || teamId.isBlank() ? null : teamId.strip();
        AccessScope scope = allowed(team);
        BacktestRules rules = RuleParameters.read(stale, ladder, overdue, current, pipeline);
        LocalDate last = to != null ? to : LocalDate.now(clock.withZone(report.zone()));
        LocalDate first = from != null ? from : WeeklyTally.monday(last).minusWeeks(DEFAULT_WEEKS - 1);
        if (first.isAfter(last)) {
            throw new BadRequestException(MessageCode.FROM_AFTER_TO, first, last);
        }
        if (ChronoUnit.DAYS.between(first, last) > MAX_DAYS) {
            throw new BadRequestException(MessageCode.RANGE_TOO_LONG, first, last, MAX_DAYS);
        }
        return backtest.run(rules, first, last, scope, team);
    }

    @Operation(summary = "The rules in force, as a backtest takes them: stale thresholds, ladder, overdue; MANAGER, ADMIN "
            + "and BI only")
    @GetMapping("/api/v1/alerts/backtest/rules")
    BacktestRules.View rules() {
        allowed(null);
        return current.view();
    }

    private static AccessScope allowed(String teamId) {
        AccessScope scope = Scopes.checked(null, teamId);
        if (scope.kind() == AccessScope.Kind.REP || scope.kind() == AccessScope.Kind.NOTHING) {
            throw new ForbiddenException(MessageCode.BACKTEST_ROLE);
        }
        return scope;
    }
}
