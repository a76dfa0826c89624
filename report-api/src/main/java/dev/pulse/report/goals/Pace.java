package dev.pulse.report.goals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Pacing arithmetic (DESIGN.md definition 8): the share of a period elapsed at an instant, from the
 * period's first midnight to the midnight after it in the reporting zone, between 0 and 1; and the
 * pace, actual / (target x elapsed share), null before the period starts. Ratios keep 4 decimals.
 */
final class Pace {

    private static final int SCALE = 4;
    private static final int WORK_SCALE = 12;

    private Pace() {
    }

    static BigDecimal elapsedShare(LocalDate start, LocalDate end, ZoneId zone, Instant now) {
        Instant from = start.atStartOfDay(zone).toInstant();
        Instant to = end.atStartOfDay(zone).toInstant();
        if (!now.isAfter(from)) {
            return BigDecimal.ZERO.setScale(WORK_SCALE);
        }
        if (!now.isBefore(to)) {
            return BigDecimal.ONE.setScale(WORK_SCALE);
        }
        return BigDecimal.valueOf(Duration.between(from, now).toMillis())
                .divide(BigDecimal.valueOf(Duration.between(from, to).toMillis()), WORK_SCALE, RoundingMode.HALF_UP);
    }

    /** actual / target, 4 decimals. */
    static BigDecimal attainment(BigDecimal actual, BigDecimal target) {
        return actual.divide(target, SCALE, RoundingMode.HALF_UP);
    }

    /** actual / (target x elapsed), 4 decimals; null when nothing of the period has elapsed. */
    static BigDecimal pace(BigDecimal actual, BigDecimal target, BigDecimal elapsed) {
        if (elapsed.signum() == 0) {
            return null;
        }
        return actual.divide(target.multiply(elapsed), SCALE, RoundingMode.HALF_UP);
    }

    /** The elapsed share as shown: 4 decimals. */
    static BigDecimal shown(BigDecimal elapsed) {
        return elapsed.setScale(SCALE, RoundingMode.HALF_UP);
    }
}
