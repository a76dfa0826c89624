package dev.pulse.bench.measure;

import dev.pulse.bench.results.BenchResults.Footprint;
import dev.pulse.bench.results.Verdict;
import dev.pulse.importer.columns.EventKind;
import dev.pulse.importer.ingest.IngestClient;
import dev.pulse.launcher.JvmOptions;
import dev.pulse.launcher.Ports;
import dev.pulse.security.TokenHash;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Footprint of the stack as a user runs it: {@code java -jar pulse.jar run --no-demo} in a child
 * JVM with the flags of {@code ./pulse run}, on shifted ports and its own data directory. Start
 * time is from launching the child to the first 200 of the dashboard page; memory is the
 * proportional set size (Pss) of the JVM and every PostgreSQL process under it, so the shared
 * buffers PostgreSQL's processes all map are counted once; idle after 10 quiet seconds, under
 * load the highest reading while 1,000 follow-ups a second are posted.
 */
public final class FootprintBench {

    private FootprintBench() {
    }

    public static Footprint run(Path pulseJar, Path dataDir, int loadSeconds) throws Exception {
        int offset = freeOffset();
        int pgPort = Ports.freePort();
        Files.createDirectories(dataDir.resolve("tmp"));
        // as ./pulse run starts it, with this JVM's java binary and the options chosen for it
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(JvmOptions.quiet());
        command.addAll(List.of("-Xms256m", "-Xmx1g", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8",
                "-Djava.io.tmpdir=" + dataDir.resolve("tmp"), "-jar", pulseJar.toString(), "run", "--no-demo",
                "--data-dir", dataDir.toString(), "--ports-offset", String.valueOf(offset)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("pulse-run.log").toFile());
        builder.environment().put("PULSE_DB_URL", "jdbc:postgresql://localhost:" + pgPort + "/pulse");
        builder.environment().put("PULSE_LOG_DIR", dataDir.resolve("logs").toString());
        // the stack is secure by default: the bench chooses its admin token to post its load with
        String adminToken = TokenHash.newToken();
        builder.environment().put("PULSE_ADMIN_TOKEN", adminToken);
        long launched = System.nanoTime();
        Process pulse = builder.start();
        try {
            // the first page a person gets: the dashboard's login page
            URI dashboard = URI.create("http://localhost:" + (8080 + offset) + "/login.html");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            while (!serves(http, dashboard)) {
                if (!pulse.isAlive()) {
                    throw new IllegalStateException("pulse run exited with " + pulse.exitValue() + "; see "
                            + dataDir.resolve("pulse-run.log"));
                }
                if (System.nanoTime() - launched > 180_000_000_000L) {
                    throw new IllegalStateException("no dashboard after 180 s; see " + dataDir.resolve("pulse-run.log"));
                }
                Thread.sleep(100);
            }
            double startSeconds = (System.nanoTime() - launched) / 1e9;
            System.err.printf("  dashboard served %.1f s after launch; idle for 10 s%n", startSeconds);
            Thread.sleep(10_000);
            double idle = Memory.pssMb(pulse.pid(), dataDir);
            double jvmIdle = Memory.pssMb(pulse.pid(), null);
            IngestClient ingest = new IngestClient(URI.create("http://localhost:" + (8081 + offset)), adminToken);
            double load = idle;
            double jvmLoad = jvmIdle;
            long start = System.nanoTime();
            for (int s = 0; s < loadSeconds; s++) {
                for (int b = 0; b < 20; b++) {
                    ingest.postAll(EventKind.FOLLOWUPS, batch(50));
                    long due = start + (s * 20L + b + 1) * 50_000_000L;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000);
                    }
                }
                load = Math.max(load, Memory.pssMb(pulse.pid(), dataDir));
                jvmLoad = Math.max(jvmLoad, Memory.pssMb(pulse.pid(), null));
            }
            return new Footprint(r(idle), r(load), r(startSeconds), r(jvmIdle), r(jvmLoad), Verdict.all(
                    "<= 1.5 GB resident and <= 30 s to a served dashboard",
                    Verdict.atMost("<= 1.5 GB (1,536 MB) resident under load", load, 1536, "MB"),
                    Verdict.atMost("<= 30 s to the dashboard", startSeconds, 30, "s")));
        } finally {
            pulse.toHandle().destroy();
            if (!pulse.waitFor(30, TimeUnit.SECONDS)) {
                pulse.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                pulse.destroyForcibly();
            }
        }
    }

    private static String batch(int size) {
        StringBuilder body = new StringBuilder();
        Instant now = Instant.now();
        for (int i = 0; i < size; i++) {
            String customer = "F-" + (i % 500);
            body.append("""
                    {"eventId":"%s","customerId":"%s","customerName":"负载客户","phone":"1370000%04d","repId":"rep-%d","teamId":"team-f",\
                    "occurredAt":"%s","channel":"PHONE","content":"负载测试跟进","stage":"QUALIFIED"}
                    """.formatted(UUID.randomUUID(), customer, i % 500, i % 10, now.minusSeconds(i)));
        }
        return body.toString();
    }

    private static boolean serves(HttpClient http, URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** An offset that moves all five ports of {@code pulse run} onto free ones. */
    private static int freeOffset() {
        for (int offset = 20_000; offset < 40_000; offset += 97) {
            int o = offset;
            if (java.util.stream.IntStream.of(8080, 8081, 8082, 9092, 9093).allMatch(p -> Ports.isFree(p + o))) {
                return offset;
            }
        }
        throw new IllegalStateException("no free set of ports for the footprint run");
    }

    private static double r(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** Proportional set sizes from /proc (Linux). */
    static final class Memory {

        private Memory() {
        }

        /** The JVM alone, or with {@code dataDir} also every process under it or started on that data (PostgreSQL detaches). */
        static double pssMb(long pid, Path dataDir) {
            java.util.Set<Long> pids = new java.util.TreeSet<>(List.of(pid));
            if (dataDir != null) {
                ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(d -> pids.add(d.pid())));
                ProcessHandle.allProcesses().filter(h -> h.info().commandLine().orElse("").contains(dataDir.toString()))
                        .forEach(h -> pids.add(h.pid()));
            }
            long kb = 0;
            for (long p : pids) {
                try {
                    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(p), "smaps_rollup"))) {
                        if (line.startsWith("Pss:")) {
                            kb += Long.parseLong(line.replaceAll("\\D", ""));
                        }
                    }
                } catch (IOException e) {
                    // the process ended between listing and reading
                }
            }
            return kb / 1024.0;
        }
    }
}
