package dev.pulse.bench.results;

/**
 * A target and how the measurement fared against it.
 *
 * @param shortfall how far off a missed target is ("2.3x too slow", "140 ms over"); empty when met
 */
public record Verdict(String target, boolean met, String shortfall) {

    /** For figures that must reach at least {@code target}. */
    public static Verdict atLeast(String text, double measured, double target, String unit) {
        boolean met = measured >= target;
        return new Verdict(text, met, met ? "" : String.format("%.3g %s short (%.0f%% of target)", target - measured, unit,
                100 * measured / target));
    }

    /** For figures that must stay at or below {@code target}. */
    public static Verdict atMost(String text, double measured, double target, String unit) {
        boolean met = measured <= target;
        return new Verdict(text, met, met ? "" : String.format("%.3g %s over (%.1fx the target)", measured - target, unit,
                measured / target));
    }

    public static Verdict all(String text, Verdict... parts) {
        StringBuilder shortfall = new StringBuilder();
        boolean met = true;
        for (Verdict part : parts) {
            if (!part.met()) {
                met = false;
                shortfall.append(shortfall.isEmpty() ? "" : "; ").append(part.target()).append(": ").append(part.shortfall());
            }
        }
        return new Verdict(text, met, shortfall.toString());
    }
}
