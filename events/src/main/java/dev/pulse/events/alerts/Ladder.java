package dev.pulse.events.alerts;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The escalation ladder of a STALE customer, per stage (DESIGN.md definition 5): a configured time
 * after the stale crossing the manager is told (ESCALATED), a further time later the customer is
 * released to the 公海 pool (RELEASED). Either step may be missing: a stage without a manager step
 * releases that long after the stale crossing, a stage without either never climbs.
 *
 * <p>Written as one setting, the same in the processor ({@code PULSE_LADDER}) and in a backtest's
 * query: {@code STAGE:MANAGER/RELEASE} pairs of ISO-8601 durations, comma separated, either side
 * possibly empty, e.g. {@code LEAD:P3D/P7D,QUOTE:P1D/P2D,PROPOSAL:/P10D}.
 *
 * @param steps stage code -> its two waits
 */
public record Ladder(Map<String, Steps> steps) {

    /** The waits of one stage: each null when the step is not taken. */
    public record Steps(Duration managerAfter, Duration releaseAfter) {
    }

    /** The next step of a climb: which alert opens and when it falls due. */
    public record Next(AlertKind kind, Instant dueAt) {
    }

    public Ladder {
        steps = Map.copyOf(steps);
    }

    public static Ladder none() {
        return new Ladder(Map.of());
    }

    /**
     * The step after {@code kind} fell due at {@code dueAt} for a customer in {@code stage}: from
     * STALE the manager's step, else the release; from ESCALATED the release; nothing after that.
     */
    public Optional<Next> after(AlertKind kind, String stage, Instant dueAt) {
        Steps waits = steps.get(stage);
        if (waits == null) {
            return Optional.empty();
        }
        if (kind == AlertKind.STALE && waits.managerAfter() != null) {
            return Optional.of(new Next(AlertKind.ESCALATED, dueAt.plus(waits.managerAfter())));
        }
        boolean releaseFollows = kind == AlertKind.ESCALATED || kind == AlertKind.STALE;
        if (releaseFollows && waits.releaseAfter() != null) {
            return Optional.of(new Next(AlertKind.RELEASED, dueAt.plus(waits.releaseAfter())));
        }
        return Optional.empty();
    }

    /**
     * Reads the setting; blank is no ladder.
     *
     * @throws IllegalArgumentException naming the part that is not {@code STAGE:DURATION/DURATION}
     */
    public static Ladder parse(String setting) {
        Map<String, Steps> steps = new LinkedHashMap<>();
        if (setting == null || setting.isBlank()) {
            return none();
        }
        for (String part : setting.split(",")) {
            String entry = part.strip();
            int colon = entry.indexOf(':');
            int slash = entry.indexOf('/', Math.max(colon, 0));
            if (colon <= 0 || slash < 0) {
                throw new IllegalArgumentException("'" + entry + "' is not STAGE:MANAGER/RELEASE (e.g. LEAD:P3D/P7D)");
            }
            String stage = entry.substring(0, colon).strip().toUpperCase(Locale.ROOT);
            Steps waits = new Steps(duration(entry, entry.substring(colon + 1, slash)),
                    duration(entry, entry.substring(slash + 1)));
            if (waits.managerAfter() == null && waits.releaseAfter() == null) {
                throw new IllegalArgumentException("'" + entry + "' names no step");
            }
            if (steps.put(stage, waits) != null) {
                throw new IllegalArgumentException("stage " + stage + " is given twice");
            }
        }
        return new Ladder(steps);
    }

    private static Duration duration(String entry, String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            Duration wait = Duration.parse(text.strip().toUpperCase(Locale.ROOT));
            if (wait.isNegative() || wait.isZero()) {
                throw new IllegalArgumentException("'" + entry + "': a wait must be positive");
            }
            return wait;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + entry + "': '" + text.strip() + "' is not an ISO-8601 duration such as P3D");
        }
    }

    /** The setting this ladder is read from, stages in alphabetical order. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        steps.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> text
                .append(text.isEmpty() ? "" : ",").append(e.getKey()).append(':')
                .append(e.getValue().managerAfter() == null ? "" : e.getValue().managerAfter())
                .append('/').append(e.getValue().releaseAfter() == null ? "" : e.getValue().releaseAfter()));
        return text.toString();
    }
}
