package dev.pulse.launcher.e2e;

import static dev.pulse.launcher.e2e.FollowUps.followUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.events.TopicNames;
import dev.pulse.launcher.JvmOptions;
import dev.pulse.launcher.Ports;
import dev.pulse.security.TokenHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, defect 1, as a user meets it: {@code ./pulse run} (the launcher jar, started as the
 * script starts it) stopped as Ctrl-C stops it and started again at once, on the same ports and
 * data directory. Stopping leaves the ports held by closed connections in TIME_WAIT (this test's
 * own keep-alive connections are closed by the servers); the second start must not call them
 * taken, and the figures continue: nothing lost, nothing doubled. About a minute on 2 idle cores.
 */
class PulseRunRestartIT {

    private static final long START_BOUND_SECONDS = 150;
    private static final String DAY = "/api/v1/reports/rep-activity?granularity=day&from=2026-11-10&to=2026-11-10";

    @Test
    void shouldStartAgainAtOnceOnTheSamePortsAndDataDirectoryWithTheCountsContinuing() throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "e2e")), "pulse-run-");
        PulseRun pulse = new PulseRun(dataDir, freeOffset(), Ports.freePort(), TokenHash.newToken());
        UUID retried = UUID.randomUUID();
        try {
            // given a running Pulse with two follow-ups counted
            pulse.start();
            ActivityScenario first = pulse.scenario();
            first.accept(followUp(retried, "cust-1", "rep-r", "team-r", "2026-11-10T02:00:00Z", "PHONE"), 1);
            first.accept(followUp(UUID.randomUUID(), "cust-2", "rep-r", "team-r", "2026-11-10T03:00:00Z", "EMAIL"), 1);
            first.awaitRows(DAY, List.of("rep-r team-r 2026-11-10 2 2 {EMAIL=1, PHONE=1}"));

            // when it is stopped and at once started again on the same ports and data directory
            pulse.stop();
            pulse.start();

            // then it started (no port called taken), the figures are still there, a retry counts
            // nothing and a new follow-up counts once
            assertThat(pulse.output()).doesNotContain("already taken");
            ActivityScenario second = pulse.scenario();
            second.awaitRows(DAY, List.of("rep-r team-r 2026-11-10 2 2 {EMAIL=1, PHONE=1}"));
            second.accept(followUp(retried, "cust-1", "rep-r", "team-r", "2026-11-10T02:00:00Z", "PHONE"), 1);
            second.accept(followUp(UUID.randomUUID(), "cust-1", "rep-r", "team-r", "2026-11-10T04:00:00Z", "VISIT"), 1);
            second.awaitRows(DAY, List.of("rep-r team-r 2026-11-10 3 2 {EMAIL=1, PHONE=1, VISIT=1}"));
        } finally {
            pulse.stop();
        }
    }

    /** An offset under which all five ports of Pulse are free. */
    private static int freeOffset() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int offset = ThreadLocalRandom.current().nextInt(20_000, 40_000);
            if (IntStream.of(8080, 8081, 8082, 9092, 9093).allMatch(port -> Ports.isFree(port + offset))) {
                return offset;
            }
        }
        throw new IllegalStateException("no free --ports-offset found");
    }

    /** {@code java -jar pulse.jar run --no-demo} in a child JVM, its output appended to one log. */
    private static final class PulseRun {

        private final Path dataDir;
        private final int offset;
        private final int dbPort;
        private final String adminToken;
        private final Path log;
        private Process process;

        PulseRun(Path dataDir, int offset, int dbPort, String adminToken) {
            this.dataDir = dataDir;
            this.offset = offset;
            this.dbPort = dbPort;
            this.adminToken = adminToken;
            this.log = dataDir.resolve("pulse-run.log");
        }

        void start() throws IOException, InterruptedException {
            long linesBefore = lines().size();
            Files.createDirectories(dataDir.resolve("tmp"));
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(JvmOptions.quiet());
            command.addAll(List.of("-Xms256m", "-Xmx1g", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8",
                    "-Djava.io.tmpdir=" + dataDir.resolve("tmp"), "-jar", Path.of("..", "launcher", "target", "pulse.jar").toString(),
                    "run", "--no-demo", "--data-dir", dataDir.toString(), "--ports-offset", String.valueOf(offset)));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("PULSE_DB_URL", "jdbc:postgresql://localhost:" + dbPort + "/pulse");
            builder.environment().put("PULSE_LOG_DIR", dataDir.resolve("logs").toString());
            builder.environment().put("PULSE_ADMIN_TOKEN", adminToken);
            process = builder.start();
            // Polled, not slept through: the wait ends the moment the line appears or the process dies.
            await().atMost(Duration.ofSeconds(START_BOUND_SECONDS)).pollInterval(Duration.ofMillis(200))
                    .alias("pulse run printing 'Pulse is running'; see " + log)
                    .until(() -> {
                        List<String> lines = lines();
                        if (!process.isAlive()) {
                            throw new AssertionError("pulse run exited with " + process.exitValue() + ":\n"
                                    + String.join("\n", lines.subList((int) linesBefore, lines.size())));
                        }
                        return lines.stream().skip(linesBefore).anyMatch(line -> line.startsWith("Pulse is running"));
                    });
        }

        /** SIGTERM, as Ctrl-C: the launcher's shutdown hook stops services, database and broker in order. */
        void stop() throws InterruptedException {
            if (process == null) {
                return;
            }
            process.destroy();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("pulse run did not stop within 90 s; see " + log);
            }
            process = null;
        }

        String output() throws IOException {
            return String.join("\n", lines());
        }

        /** Lenient: the child may be in the middle of writing a character. */
        private List<String> lines() throws IOException {
            return Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList() : List.of();
        }

        /** A fresh client each time: its keep-alive connections belong to one run. */
        ActivityScenario scenario() {
            return ActivityScenario.on(new PulseClient(8081 + offset, 8080 + offset, adminToken),
                    "localhost:" + (9092 + offset), TopicNames.defaults());
        }
    }
}
