package dev.pulse.launcher.e2e;

import dev.pulse.launcher.JvmOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * One Pulse service as a child JVM running its own runnable jar, so that a test can SIGKILL it:
 * an in-JVM Spring context can only be closed politely. Output of every run goes, appended, to
 * one log file under target/. The port is fixed for the life of the object, so clients find the
 * service again after a restart.
 */
final class ServiceProcess implements Chaos.Victim, AutoCloseable {

    private static final Duration START_BOUND = Duration.ofMinutes(5);
    /** Children still running when the test JVM exits (a failsafe timeout, Ctrl-C) are killed with it. */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
    }

    private final String name;
    private final Path jar;
    private final int port;
    private final List<String> arguments;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private Process process;
    private int starts;

    ServiceProcess(String name, Path jar, int port, List<String> arguments, Path logDir) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.arguments = List.copyOf(arguments);
        this.log = logDir.resolve(name + ".log");
    }

    /** The runnable jar {@code package} leaves in a sibling module's target/ (failsafe runs in the system-tests module). */
    static Path execJar(String module) {
        Path target = Path.of("..", module, "target").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches(module + "-.*-exec\\.jar"))
                    .findFirst().orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("no " + module + "-*-exec.jar in " + target
                    + ": build with ./mvnw package (or verify) from the project root first", e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    int port() {
        return port;
    }

    /** Whether the JVM last started still runs (false after it exited on its own or was killed). */
    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Where the output of every start goes. */
    Path log() {
        return log;
    }

    /** Starts the JVM and returns once its HTTP port answers /actuator/health (with any status). */
    @Override
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        List<String> command = new ArrayList<>(List.of(javaOfThisJvm()));
        // the same java binary as this JVM's, so the options chosen for this JDK apply
        command.addAll(JvmOptions.quiet());
        command.addAll(List.of(
                // two cores and four JVMs on them: small heaps and the serial collector
                "-Xmx320m", "-XX:+UseSerialGC", "-Xss512k",
                "-Dfile.encoding=UTF-8", "-jar", jar.toString(),
                "--server.port=" + port, "--spring.main.banner-mode=off"));
        command.addAll(arguments);
        process = launch(command, log, "=== start " + (++starts) + " of " + name);
        awaitHttp();
    }

    /** SIGKILL: no shutdown hook, no graceful close, no flush; what a crash or an OOM killer does. */
    @Override
    public synchronized void kill() {
        destroy(process);
        process = null;
    }

    /**
     * Starts a child process whose output goes, appended after {@code banner}, to {@code log}; it is
     * SIGKILLed with the test JVM if the test never gets to it.
     */
    static Process launch(List<String> command, Path log, String banner) {
        try {
            Files.writeString(log, banner + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Process started = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            RUNNING.add(started);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start: " + banner, e);
        }
    }

    /** SIGKILLs a process {@link #launch} started and waits until it is gone; nothing when null. */
    static void destroy(Process process) {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        RUNNING.remove(process);
    }

    private void awaitHttp() {
        long deadline = System.nanoTime() + START_BOUND.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                http.send(health, HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                sleep(Duration.ofMillis(200)); // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(name + " did not answer on port " + port + " within " + START_BOUND + "; see " + log);
    }

    static String javaOfThisJvm() {
        return ProcessHandle.current().info().command()
                .orElseThrow(() -> new IllegalStateException("cannot tell which java runs this test"));
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        kill();
    }
}
