package dev.pulse.importer;

import java.io.PrintStream;

/**
 * A one-line progress bar on stderr, redrawn at most four times a second:
 * {@code [########------------]  40%  412,000 rows  38,100 rows/s}. Without a known size it
 * shows the row count only.
 */
public final class ProgressBar {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintStream out;
    private final long started = System.nanoTime();
    private long lastDrawn;
    private boolean drawn;

    public ProgressBar(PrintStream out) {
        this.out = out;
    }

    /** A bar that draws nothing, for the server side. */
    public static ProgressBar none() {
        return new ProgressBar(null);
    }

    void update(long rows, double fraction) {
        long now = System.nanoTime();
        if (out == null || now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        lastDrawn = now;
        draw(rows, fraction, now);
    }

    void finish(long rows) {
        if (out != null) {
            draw(rows, 1.0, System.nanoTime());
            end();
        }
    }

    /** Ends the bar's line, so a message after a failure starts on a line of its own. */
    void end() {
        if (out != null && drawn) {
            out.println();
            out.flush();
            drawn = false;
        }
    }

    private void draw(long rows, double fraction, long now) {
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        String counts = String.format("%,d rows  %,.0f rows/s", rows, rows / seconds);
        if (fraction >= 0) {
            int filled = (int) Math.round(fraction * WIDTH);
            out.printf("\r[%s%s] %3d%%  %s", "#".repeat(filled), "-".repeat(WIDTH - filled), Math.round(fraction * 100), counts);
        } else {
            out.print("\r" + counts);
        }
        out.flush();
        drawn = true;
    }
}
