package dev.pulse.report.goals;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The robot nudge to reps behind pace.
 *
 * @param nudgeHour the local hour (reporting zone, 0 to 23) from which a rep behind pace is nudged,
 *                  once a day; default 16, late enough to show the day's work, early enough to act
 */
@ConfigurationProperties("pulse.goals")
public record GoalProperties(Integer nudgeHour) {

    public GoalProperties {
        nudgeHour = nudgeHour == null ? 16 : nudgeHour;
        if (nudgeHour < 0 || nudgeHour > 23) {
            throw new IllegalArgumentException("pulse.goals.nudge-hour (PULSE_GOALS_NUDGE_HOUR) must be 0 to 23, not " + nudgeHour);
        }
    }
}
