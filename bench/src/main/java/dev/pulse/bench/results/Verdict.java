package dev.pulse.bench.results;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A target and how the measurement fared against it.
 *
 * @param shortfall how far off a missed target is ("2.3x too slow", "140 ms over"); empty when met
 */
public record Verdict(String target, boolean met, String shortfall) {

    /** For figures that must reach at least {@code target}. */
    public static Verdict atLeast(String text, double measured, double target, String unit) {
        boolean met = measured >= target;
        return new Verdict(text, met, met ? "" : plain(target - measured) + " " + unit + " short ("
                + plain(100 * measured / target) + "% of the target)");
    }

    /** For figures that must stay at or below {@code target}. */
    public static Verdict atMost(String text, double measured, double target, String unit) {
        boolean met = measured <= target;
        return new Verdict(text, met, met ? "" : plain(measured - target) + " " + unit + " over ("
                + plain(measured / target) + "x the target)");
    }

    /** Three significant digits, never in E notation: 99700, 0.0811, 1.8. */
    static String plain(double value) {
        return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
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
