package dev.pulse.report.goals;

import dev.pulse.events.messages.MessageCode;
import dev.pulse.report.web.BadRequestException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code POST /api/v1/goals} and {@code PUT /api/v1/goals/{goalId}}: a rep's goal (scope REP, repId
 * and the teamId it is set in) or a team's (TEAM, teamId), for one metric and the period starting
 * on periodStart (a Monday for follow-ups per week, the first of a month otherwise). Fields are
 * text so a wrong value is refused with its own message rather than as an unreadable body.
 */
public record GoalRequest(String scope, String repId, String teamId, String metric, String periodStart, String target,
                          String currency) {

    static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._@-]{0,63}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    static final BigDecimal MAX_COUNT = new BigDecimal("1000000");
    static final BigDecimal MAX_MONEY = new BigDecimal("999999999999.99");
    /** How far back and ahead of today a period may start: goals are for pacing now, not for history. */
    static final int YEARS_BACK = 2;
    static final int YEARS_AHEAD = 1;

    /** The goal this request describes, or a 400 naming what is wrong. */
    Goal validated(UUID goalId, LocalDate today, String setBy, OffsetDateTime setAt) {
        Goal.Scope parsedScope = parseScope();
        String rep = parsedScope == Goal.Scope.REP ? id("repId", repId) : null;
        if (parsedScope == Goal.Scope.TEAM && repId != null) {
            throw new BadRequestException(MessageCode.GOAL_SCOPE);
        }
        String team = id("teamId", teamId);
        Metric parsedMetric = parseMetric();
        LocalDate start = periodStart(parsedMetric, today);
        BigDecimal parsedTarget = target(parsedMetric);
        String parsedCurrency = currency == null || currency.isBlank() ? null : currency.strip().toUpperCase(Locale.ROOT);
        if (parsedMetric.money() != (parsedCurrency != null)
                || parsedCurrency != null && !CURRENCY.matcher(parsedCurrency).matches()) {
            throw new BadRequestException(MessageCode.GOAL_CURRENCY);
        }
        return new Goal(goalId, parsedScope, rep, team, parsedMetric, start, parsedTarget, parsedCurrency, setBy, setAt);
    }

    private Goal.Scope parseScope() {
        try {
            return Goal.Scope.valueOf(required("scope", scope).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(MessageCode.GOAL_SCOPE);
        }
    }

    private Metric parseMetric() {
        try {
            return Metric.valueOf(required("metric", metric).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(MessageCode.GOAL_METRIC);
        }
    }

    private LocalDate periodStart(Metric parsedMetric, LocalDate today) {
        LocalDate start;
        try {
            start = LocalDate.parse(required("periodStart", periodStart));
        } catch (DateTimeParseException e) {
            throw new BadRequestException(MessageCode.UNCONVERTIBLE_PARAMETER, "periodStart", "…");
        }
        LocalDate earliest = parsedMetric.periodStartOf(today.minusYears(YEARS_BACK));
        LocalDate latest = today.plusYears(YEARS_AHEAD);
        if (start.isBefore(earliest) || start.isAfter(latest)) {
            throw new BadRequestException(MessageCode.GOAL_PERIOD_RANGE, earliest, latest);
        }
        if (!parsedMetric.startsPeriod(start)) {
            throw new BadRequestException(MessageCode.GOAL_PERIOD_START,
                    parsedMetric.weekly() ? "Monday 周一" : "the 1st 每月 1 日");
        }
        return start;
    }

    private BigDecimal target(Metric parsedMetric) {
        BigDecimal max = parsedMetric.money() ? MAX_MONEY : MAX_COUNT;
        int decimals = parsedMetric.money() ? 2 : 0;
        BigDecimal value;
        try {
            value = new BigDecimal(required("target", target));
        } catch (NumberFormatException e) {
            throw new BadRequestException(MessageCode.GOAL_TARGET, max.toPlainString(), decimals);
        }
        if (value.signum() <= 0 || value.compareTo(max) > 0 || value.stripTrailingZeros().scale() > decimals) {
            throw new BadRequestException(MessageCode.GOAL_TARGET, max.toPlainString(), decimals);
        }
        return value.setScale(2);
    }

    private static String id(String field, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new BadRequestException(MessageCode.NOT_AN_IDENTIFIER, field);
        }
        return value;
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException(MessageCode.PARAMETER_REQUIRED, field);
        }
        return value.strip();
    }
}
