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
import dev.pulse.bench.stack.ReportClient;
import dev.pulse.events.Json;
import dev.pulse.importer.ingest.IngestClient;
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
 * {@code ./pulse bench}: every measurement of issues 7 and 12 in one run on this machine, each
 * beside its baseline and target, into bench-results.json and bench-results.md. The footprint runs
 * first, on its own, in a child JVM exactly as {@code ./pulse run} starts; the rest share one broker
 * and one PostgreSQL in this JVM, under var/bench/&lt;timestamp&gt;, removed at the end.
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
        if (options.replayFollowUps() > 0) {
            plan = plan.withReplayFollowUps(options.replayFollowUps());
        }
        Path runDir = Path.of("var", "bench", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))
                .toAbsolutePath();
        long started = System.nanoTime();
        List<String> notes = new ArrayList<>();
        Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        BenchResults results;
        try {
            if (options.replayOnly()) {
                ReplayBench.Measured replay = replayOnly(options, plan, runDir, end);
                System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(replay));
                System.exit(0);
                return;
            }
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

    /**
     * {@code --replay-only}: the replay phase alone, for working on the processor and the projector
     * (minutes instead of the whole run); its figures are printed, no report is written.
     */
    private static ReplayBench.Measured replayOnly(BenchOptions options, RunPlan plan, Path runDir, Instant end)
            throws Exception {
        try (BenchInfrastructure infra = new BenchInfrastructure(runDir.resolve("infra"))) {
            StackSettings settings = infra.settings("replay", STALE_CHECK, List.of());
            ReplayBench.Loaded loaded = ReplayBench.preload(infra.bootstrapServers(), settings.topics(),
                    new LoadGenerator(plan.replay(), options.seed(), end), plan.replayFollowUps());
            try (PulseStack stack = new PulseStack(settings)) {
                return ReplayBench.measure(stack, settings, loaded, plan.replayTimeout(), plan.replayIsHistory());
            }
        }
    }

    private static BenchResults run(BenchOptions options, RunPlan plan, Path runDir, Instant end, List<String> notes)
            throws Exception {
        step("1/7 footprint: pulse run in a child JVM");
        BenchResults.Footprint footprint = FootprintBench.run(options.pulseJar(), runDir.resolve("footprint"),
                plan.footprintLoadSeconds());

        try (BenchInfrastructure infra = new BenchInfrastructure(runDir.resolve("infra"));
             StaleBench staleReceiver = new StaleBench()) {
            step("2/7 replay: pre-load, then stream processor and projector with exactly-once until PostgreSQL holds"
                    + " everything, beside ConsumerPerformance");
            LoadGenerator replayHistory = new LoadGenerator(plan.replay(), options.seed(), end);
            StackSettings replaySettings = infra.settings("replay", STALE_CHECK, List.of());
            ReplayBench.Loaded replayLoaded = ReplayBench.preload(infra.bootstrapServers(), replaySettings.topics(),
                    replayHistory, plan.replayFollowUps());
            PulseStack replayStack = new PulseStack(replaySettings);
            ReplayBench.Measured replay;
            try {
                replay = ReplayBench.measure(replayStack, replaySettings, replayLoaded, plan.replayTimeout(),
                        plan.replayIsHistory());
            } catch (Exception | Error e) {
                replayStack.close();
                throw e;
            }
            if (!replay.replay().caughtUp()) {
                notes.add("The replay was stopped after " + plan.replayTimeout() + " before catching up; its rate is the"
                        + " stream processor's progress until then.");
            }
            if (!plan.replayIsHistory()) {
                // The reports get a history of their own; a million events would only slow the phases after.
                replayStack.close();
                infra.dropScenario(replaySettings, "replay");
            }

            step("3/7 ingest: HTTP API beside ProducerPerformance on as many records as the replay");
            BenchResults.Ingest ingest;
            try {
                ingest = IngestBench.run(infra, new LoadGenerator(plan.ingestLoad(), options.seed() + 1, end),
                        replayLoaded.followUps());
            } catch (Exception | Error e) {
                if (plan.replayIsHistory()) {
                    replayStack.close();
                }
                throw e;
            }

            LoadGenerator history;
            StackSettings settings;
            PulseStack stack;
            if (plan.replayIsHistory()) {
                step("4/7 report data: the replayed history");
                history = replayHistory;
                settings = replaySettings;
                stack = replayStack;
            } else {
                step("4/7 report data: " + plan.history().customers() + " customers through the same pipeline");
                history = new LoadGenerator(plan.history(), options.seed(), end);
                settings = infra.settings("reports", STALE_CHECK, List.of());
                ReplayBench.Loaded loaded = ReplayBench.preload(infra.bootstrapServers(), settings.topics(), history,
                        Long.MAX_VALUE);
                stack = new PulseStack(settings);
                ReplayBench.Pipeline loading = ReplayBench.runPipeline(stack, settings, loaded, Duration.ofMinutes(30));
                notes.add(String.format("The reports' %,d events went from Kafka to PostgreSQL in %.1f s%s.", loaded.events(),
                        loading.startedSeconds(), loading.caughtUp() ? "" : ", NOT all of them (stopped after 30 min)"));
            }
            try {
                step("5/7 reports: endpoints beside plain SQL over the fact tables");
                ReportClient report = new ReportClient(URI.create("http://localhost:" + stack.reportPort()),
                        settings.credentials().adminToken());
                BenchResults.Reports reports = ReportsBench.run(report, settings.database(), history, plan.apiRuns(),
                        plan.sqlRuns());

                BenchResults.Capacity capacity = BenchResults.Capacity.of(replay.replay().eventsPerSec(), ingest.eventsPerSec());
                step(String.format("6/7 freshness at %s follow-ups/s (capacity: %,.0f/s), report API and SSE",
                        plan.freshnessRates(), capacity.eventsPerSec()));
                stack.startIngest();
                IngestClient ingestClient = new IngestClient(URI.create("http://localhost:" + stack.ingestPort()),
                        settings.credentials().ingestToken());
                List<BenchResults.Freshness> freshness = freshness(plan, options, end, capacity, ingestClient, report, settings);

                step("7/7 stale detection: threshold crossing to webhook");
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
                        ingest, replay.replay(), replay.load(), capacity, freshness, reports, footprint, stale, notes);
            } finally {
                stack.close();
            }
        }
    }

    /**
     * Each rate of the plan in turn, lowest first (so no backlog of a higher rate is in its figure),
     * each with background follow-ups of its own, after the processor has caught up with the last.
     */
    private static List<BenchResults.Freshness> freshness(RunPlan plan, BenchOptions options, Instant end,
                                                          BenchResults.Capacity capacity, IngestClient ingest,
                                                          ReportClient report, StackSettings settings) throws Exception {
        List<Integer> rates = plan.freshnessRates().stream().sorted().toList();
        long wanted = rates.stream().mapToLong(r -> (long) Math.ceil(capacity.offer(r)) * plan.freshnessSeconds()).sum();
        List<String> lines = FreshnessBench.loadLines(new LoadGenerator(plan.steadyLoad(), options.seed() + 2, end), wanted);
        List<BenchResults.Freshness> results = new ArrayList<>();
        int from = 0;
        for (int rate : rates) {
            double offered = capacity.offer(rate);
            int count = (int) Math.min(lines.size() - from, (long) Math.ceil(offered) * plan.freshnessSeconds());
            ReplayBench.awaitProcessor(settings, Duration.ofMinutes(10));
            System.err.printf("  -- %,d follow-ups/s%n", rate);
            results.add(FreshnessBench.run(ingest, report, lines.subList(from, from + count), rate, offered,
                    plan.freshnessSeconds(), rate <= 10 ? 300 : 500, capacity));
            from += count;
        }
        return results;
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
