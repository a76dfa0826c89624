package dev.pulse.bench.generate;

import java.io.PrintStream;

/**
 * A progress bar on stderr for long jobs: {@code [#####.....]  52% 520,000/1,000,000 customers 85,000/s}.
 * Redrawn at most four times a second, so it costs nothing measurable.
 */
public final class Progress {

    private static final long REDRAW_NANOS = 250_000_000L;

    private final String what;
    private final long total;
    private final PrintStream out;
    private final long startedAt = System.nanoTime();
    private long done;
    private long drawnAt;

    public Progress(String what, long total, PrintStream out) {
        this.what = what;
        this.total = Math.max(1, total);
        this.out = out;
    }

    public static Progress onStderr(String what, long total) {
        return new Progress(what, total, System.err);
    }

    public synchronized void advance(long count) {
        done += count;
        long now = System.nanoTime();
        if (now - drawnAt >= REDRAW_NANOS) {
            drawnAt = now;
            draw(false);
        }
    }

    public synchronized void done() {
        draw(true);
    }

    public synchronized long count() {
        return done;
    }

    private void draw(boolean last) {
        int width = 30;
        int filled = (int) Math.min(width, done * width / total);
        double seconds = Math.max(1e-3, (System.nanoTime() - startedAt) / 1e9);
        out.printf("\r  [%s%s] %3d%% %,d/%,d %s %,.0f/s%s", "#".repeat(filled), ".".repeat(width - filled),
                Math.min(100, done * 100 / total), done, total, what, done / seconds, last ? "\n" : "");
        out.flush();
    }
}
