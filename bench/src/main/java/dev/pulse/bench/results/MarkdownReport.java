package dev.pulse.bench.results;

import java.util.Locale;

/** bench-results.md: one row per measurement, Pulse beside its baseline, the target and the verdict. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String of(BenchResults r) {
        StringBuilder md = new StringBuilder();
        md.append("Mode **").append(r.mode()).append("**, ").append(r.date()).append(", ").append(r.machine()).append(".  \n");
        md.append("Scale: ").append(r.scale()).append(".\n\n");
        md.append("| Measurement | Pulse | Baseline | Ratio | Target | Result |\n|---|---|---|---|---|---|\n");
        var i = r.ingest();
        row(md, "Ingest, HTTP NDJSON (" + i.batchSize() + "/batch, " + i.clients() + " clients, " + i.recordBytes() + " B/record)",
                f("%,.0f events/s", i.eventsPerSec()), f("ProducerPerformance %,.0f/s", i.baselinePerSec()),
                f("%.2f", i.ratio()), i.verdict());
        var p = r.replay();
        row(md, f("Replay, all topologies, exactly-once (%,d events)", p.events()), f("%,.0f events/s", p.eventsPerSec()),
                f("ConsumerPerformance %,.0f/s", p.baselinePerSec()), f("%.3f", p.ratio()), p.verdict());
        var fr = r.freshness();
        row(md, f("Freshness at %,.0f events/s (%d probes), report API", fr.loadPerSec(), fr.probes()),
                f("p50 %.0f / p95 %.0f / p99 %.0f ms", fr.p50Ms(), fr.p95Ms(), fr.p99Ms()), "—", "—", fr.verdict());
        row(md, "Freshness, SSE `activity` event", f("p50 %.0f / p95 %.0f / p99 %.0f ms", fr.sseP50Ms(), fr.sseP95Ms(),
                fr.sseP99Ms()), "—", "—", null);
        var rep = r.reports();
        for (var e : rep.endpoints()) {
            row(md, f("Report `%s` (%,d follow-ups, %,d customers)", e.name(), rep.followUps(), rep.customers()),
                    f("p50 %.1f / p99 %.1f ms", e.p50Ms(), e.p99Ms()), f("plain SQL p50 %.1f / p99 %.1f ms", e.plainSqlP50Ms(),
                            e.plainSqlP99Ms()), e.sameAnswer() ? f("%.1fx", e.speedup()) : "answers differ", null);
        }
        row(md, "Reports, worst endpoint", f("p99 %.1f ms", rep.p99Ms()), f("p99 %.1f ms", rep.plainSqlP99Ms()),
                f("%.1fx", rep.speedup()), rep.verdict());
        var fp = r.footprint();
        row(md, "Footprint, `pulse run` (JVM + PostgreSQL)", f("idle %.0f MB, load %.0f MB, dashboard after %.1f s",
                fp.rssMbIdle(), fp.rssMbLoad(), fp.startSeconds()), f("JVM alone %.0f / %.0f MB", fp.jvmRssMbIdle(),
                fp.jvmRssMbLoad()), "—", fp.verdict());
        var st = r.stale();
        row(md, f("Stale detection (%,d customers, check every %.0f s)", st.customers(), st.checkIntervalSeconds()),
                f("worst %.2f s (probes %s)", st.lagSeconds(), st.probesSeconds()), "—", "—", st.verdict());
        if (!r.notes().isEmpty()) {
            md.append('\n');
            r.notes().forEach(n -> md.append("- ").append(n).append('\n'));
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String what, String pulse, String baseline, String ratio, Verdict v) {
        String result = v == null ? "" : v.met() ? "met" : "**missed**: " + v.shortfall();
        md.append("| ").append(what).append(" | ").append(pulse).append(" | ").append(baseline).append(" | ").append(ratio)
                .append(" | ").append(v == null ? "" : v.target()).append(" | ").append(result.replace("|", "/")).append(" |\n");
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
