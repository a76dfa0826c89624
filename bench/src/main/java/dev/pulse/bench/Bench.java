package dev.pulse.bench;

import dev.pulse.bench.generate.LoadGenerator;
import dev.pulse.bench.measure.FootprintBench;
import dev.pulse.bench.measure.FreshnessBench;
import dev.pulse.bench.measure.IngestBench;
import dev.pulse.bench.measure.ReplayBench;
import dev.pulse.bench.measure.ReportsBench;
import dev.pulse.bench.measure.StaleBench;
import dev.pulse.bench.results.BenchResults;
import dev.pulse.bench.results.MarkdownReport;
import dev.pulse.bench.stack.BenchInfrastructure;
import dev.pulse.bench.stack.IngestClient;
import dev.pulse.bench.stack.ReportClient;
import dev.pulse.events.Json;
import dev.pulse.launcher.stack.PulseStack;
import dev.pulse.launcher.stack.StackSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./pulse bench}: every measurement of issue 7 in one run on this machine, each beside its
 * baseline, into bench-results.json and bench-results.md. The footprint runs first, on its own,
 * in a child JVM exactly as {@code ./pulse run} starts; the rest share one broker and one
 * PostgreSQL in this JVM, under var/bench/&lt;timestamp&gt;, removed at the end.
 */
public final class Bench {

    static final Duration STALE_CHECK = Duration.ofSeconds(2);

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("pulse bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options.jmh()) {
            org.openjdk.jmh.Main.main(new String[] {"dev.pulse.bench.jmh", "-f", "1", "-wi", "2", "-i", "3", "-w", "2s", "-r", "3s"});
            return;
        }
        RunPlan plan = options.quick() ? RunPlan.quick() : RunPlan.full();
        Path runDir = Path.of("var", "bench", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))
                .toAbsolutePath();
        long started = System.nanoTime();
        List<String> notes = new ArrayList<>();
        Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        BenchResults results;
        try {
            results = run(options, plan, runDir, end, notes);
        } finally {
            deleteQuietly(runDir);
        }
        Files.createDirectories(options.out());
        Files.writeString(options.out().resolve("bench-results.json"),
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(results) + "\n", StandardCharsets.UTF_8);
        String md = MarkdownReport.of(results);
        Files.writeString(options.out().resolve("bench-results.md"), md, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(md);
        System.out.printf("Wrote %s and bench-results.md in %.0f s.%n", options.out().resolve("bench-results.json"),
                (System.nanoTime() - started) / 1e9);
        System.exit(0);
    }

    private static BenchResults run(BenchOptions options, RunPlan plan, Path runDir, Instant end, List<String> notes)
            throws Exception {
        step("1/6 footprint: pulse run in a child JVM");
        BenchResults.Footprint footprint = FootprintBench.run(options.pulseJar(), runDir.resolve("footprint"),
                plan.footprintLoadSeconds());

        try (BenchInfrastructure infra = new BenchInfrastructure(runDir.resolve("infra"));
             StaleBench staleReceiver = new StaleBench()) {
            step("2/6 ingest: HTTP API beside ProducerPerformance");
            BenchResults.Ingest ingest = IngestBench.run(infra, new LoadGenerator(plan.ingestLoad(), options.seed() + 1, end));

            step("3/6 replay: pre-load, then every topology with exactly-once, beside ConsumerPerformance");
            LoadGenerator history = new LoadGenerator(plan.history(), options.seed(), end);
            StackSettings settings = infra.settings("replay", STALE_CHECK, List.of());
            ReplayBench.Loaded loaded = ReplayBench.preload(infra.bootstrapServers(), settings.topics(), history);
            PulseStack stack = new PulseStack(settings);
            try {
                BenchResults.Replay replay = ReplayBench.measure(stack, settings, loaded);
                double projected = ReplayBench.project(stack, settings, loaded);
                notes.add(String.format("The projector loaded PostgreSQL from the processor's output in %.1f s.", projected));

                step("4/6 reports: endpoints beside plain SQL over the fact tables");
                ReportClient report = new ReportClient(URI.create("http://localhost:" + stack.reportPort()),
                        settings.credentials().adminToken());
                BenchResults.Reports reports = ReportsBench.run(report, settings.database(), history, plan.apiRuns(),
                        plan.sqlRuns());

                step("5/6 freshness: steady 1,000 events/s, report API and SSE");
                stack.startIngest();
                IngestClient ingestClient = new IngestClient(URI.create("http://localhost:" + stack.ingestPort()),
                        settings.credentials().ingestToken());
                BenchResults.Freshness freshness = FreshnessBench.run(ingestClient, report,
                        new LoadGenerator(plan.steadyLoad(), options.seed() + 2, end), plan.freshnessSeconds(), 250);

                step("6/6 stale detection: threshold crossing to webhook");
                // Measured on a processor that has worked off the freshness load, not behind a backlog.
                ReplayBench.awaitProcessor(settings, Duration.ofMinutes(10));
                // The report API again, now with a webhook: only alerts opened from here on are delivered.
                stack.stopReport();
                PulseStack withWebhook = new PulseStack(new StackSettings(settings.kafkaBootstrap(), settings.database(),
                        settings.stateDir(), settings.ingestPort(), settings.reportPort(), settings.processorPort(),
                        settings.zone(), settings.processorApplicationId(), settings.projectorGroup(), settings.topics(),
                        settings.staleCheckInterval(), List.of(staleReceiver.url()), settings.credentials()));
                BenchResults.Stale stale;
                try {
                    withWebhook.startReport();
                    stale = staleReceiver.run(ingestClient, STALE_CHECK, plan.history().customers(), plan.staleProbes());
                } finally {
                    withWebhook.close();
                }
                notes.add("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                        + Runtime.version() + "; other builds may have shared it during the run.");
                return new BenchResults(plan.mode(), LocalDateTime.now().withNano(0).toString(), machine(), plan.describe(),
                        ingest, replay, freshness, reports, footprint, stale, notes);
            } finally {
                stack.close();
            }
        }
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", Java " + Runtime.version().feature();
    }

    private static void step(String what) {
        System.out.println("\n== " + what);
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            System.err.println("pulse bench: could not remove " + dir + ": " + e.getMessage());
        }
    }
}
