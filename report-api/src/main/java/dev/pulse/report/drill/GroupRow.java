package dev.pulse.report.drill;

/**
 * A rep or a team behind the overview's active-reps or teams card: one row each, with the
 * follow-ups and distinct customers it had in the range.
 */
public record GroupRow(String id, long followUps, long customers) {
}
