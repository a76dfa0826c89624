package dev.pulse.bench.results;

import java.util.Locale;

/** bench-results.md: one row per measurement, Pulse beside its baseline, the target and the verdict. */
public final class MarkdownReport {

    /** The history the load target is about: the 10 M follow-ups. */
    static final double FULL_HISTORY_EVENTS = 10_000_000;

    private MarkdownReport() {
    }

    public static String of(BenchResults r) {
        StringBuilder md = new StringBuilder();
        md.append("Mode **").append(r.mode()).append("**, ").append(r.date()).append(", ").append(r.machine()).append(".  \n");
        md.append("Scale: ").append(r.scale()).append(".\n\n");
        md.append("| Measurement | Pulse | Baseline | Ratio | Target | Result |\n|---|---|---|---|---|---|\n");
        var i = r.ingest();
        row(md, "Ingest, HTTP NDJSON (" + i.batchSize() + "/batch, " + i.clients() + " clients, " + i.recordBytes() + " B/record)",
                f("%,.0f events/s", i.eventsPerSec()), f("ProducerPerformance %,.0f/s (%,d records)", i.baselinePerSec(),
                        i.baselineRecords()), f("%.2f", i.ratio()), i.verdict());
        var p = r.replay();
        row(md, f("Replay, Kafka to PostgreSQL, every topology exactly-once (%,d events)", p.events()),
                f("%,.0f events/s (stream processor %,.0f/s; %.0f%% of the 100,000 moonshot)%s", p.eventsPerSec(),
                        p.processorPerSec(), 100 * p.moonshotShare(), p.caughtUp() ? "" : ", stopped before catching up"),
                f("ConsumerPerformance %,.0f/s (%,d records)", p.baselinePerSec(), p.followUps()), f("%.3f", p.ratio()),
                p.verdict());
        var l = r.historyLoad();
        String load = f("%s (pre-load to Kafka %.0f s, then to PostgreSQL %.0f s)", minutes(l.totalSeconds()),
                l.preloadSeconds(), l.pipelineSeconds());
        if (l.verdict() == null) {
            row(md, f("History loaded (%,d events)", l.events()), load + f("; 10 M events at this rate: %s",
                    minutes(l.totalSeconds() * FULL_HISTORY_EVENTS / l.events())), "—", "—",
                    "<= 30 min for the full history", "not judged in quick mode");
        } else {
            row(md, f("History loaded (%,d events, the full history)", l.events()), load, "—", "—", l.verdict());
        }
        for (var fr : r.freshness()) {
            String at = f("Freshness at %,d events/s (offered %,.0f, posted %,.0f/s, %d probes)", fr.targetRate(),
                    fr.offeredRate(), fr.loadPerSec(), fr.probes());
            row(md, at + ", report API", percentiles(fr.p50Ms(), fr.p95Ms(), fr.p99Ms(), fr.apiMissed()), "—", "—",
                    fr.verdict());
            row(md, at + ", SSE: each probe's own `activity` event", percentiles(fr.sseP50Ms(), fr.sseP95Ms(), fr.sseP99Ms(),
                    fr.sseMissed()), "—", "—", null);
        }
        var rep = r.reports();
        for (var e : rep.endpoints()) {
            row(md, f("Report `%s` (%,d follow-ups, %,d customers)", e.name(), rep.followUps(), rep.customers()),
                    f("p50 %.1f / p99 %.1f ms", e.p50Ms(), e.p99Ms()), f("plain SQL p50 %.1f / p99 %.1f ms", e.plainSqlP50Ms(),
                            e.plainSqlP99Ms()), e.sameAnswer() ? f("%.1fx", e.speedup()) : "answers differ", null);
        }
        row(md, "Reports, every endpoint (the worst p99, the smallest speed-up)", f("p99 %.1f ms", rep.p99Ms()),
                f("p99 %.1f ms", rep.plainSqlP99Ms()), f("%.1fx", rep.speedup()), rep.verdict());
        var fp = r.footprint();
        row(md, "Footprint, `pulse run` (JVM + PostgreSQL)", f("idle %.0f MB, load %.0f MB, dashboard after %.1f s",
                fp.rssMbIdle(), fp.rssMbLoad(), fp.startSeconds()), f("JVM alone %.0f / %.0f MB", fp.jvmRssMbIdle(),
                fp.jvmRssMbLoad()), "—", fp.verdict());
        var st = r.stale();
        row(md, f("Stale detection (%,d customers, check every %.0f s)", st.customers(), st.checkIntervalSeconds()),
                f("worst %.2f s (probes %s)", st.lagSeconds(), st.probesSeconds()), "—", "—", st.verdict());
        var c = r.capacity();
        md.append('\n').append(f("Freshness was offered at most %.0f%% of the slower of the replay (%,.0f events/s) and"
                + " ingest (%,.0f events/s): %,.0f events/s.%n", 100 * c.headroom(), c.replayPerSec(), c.ingestPerSec(),
                c.eventsPerSec()));
        if (!r.notes().isEmpty()) {
            md.append('\n');
            r.notes().forEach(n -> md.append("- ").append(n).append('\n'));
        }
        return md.toString();
    }

    private static String percentiles(double p50, double p95, double p99, int missed) {
        return f("p50 %.0f / p95 %.0f / p99 %.0f ms", p50, p95, p99) + (missed == 0 ? "" : f(" (%d not seen in 30 s)", missed));
    }

    static String minutes(double seconds) {
        return seconds < 120 ? f("%.0f s", seconds) : f("%.1f min", seconds / 60);
    }

    private static void row(StringBuilder md, String what, String pulse, String baseline, String ratio, Verdict v) {
        row(md, what, pulse, baseline, ratio, v == null ? "" : v.target(),
                v == null ? "" : v.met() ? "met" : "**missed**: " + v.shortfall());
    }

    private static void row(StringBuilder md, String what, String pulse, String baseline, String ratio, String target,
                            String result) {
        md.append("| ").append(what).append(" | ").append(pulse).append(" | ").append(baseline).append(" | ").append(ratio)
                .append(" | ").append(target).append(" | ").append(result.replace("|", "/")).append(" |\n");
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
