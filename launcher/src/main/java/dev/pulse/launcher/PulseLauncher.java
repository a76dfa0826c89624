package dev.pulse.launcher;

import dev.pulse.events.TopicNames;
import dev.pulse.events.kafka.KafkaClientSettings;
import dev.pulse.events.kafka.KafkaProblems;
import dev.pulse.launcher.broker.ExistingKafka;
import dev.pulse.launcher.broker.KafkaBroker;
import dev.pulse.launcher.database.Database;
import dev.pulse.launcher.database.DatabaseSettings;
import dev.pulse.launcher.demo.DemoAccounts;
import dev.pulse.launcher.demo.DemoGenerator;
import dev.pulse.launcher.stack.StackCredentials;
import dev.pulse.security.TokenHash;
import dev.pulse.launcher.stack.PulseStack;
import dev.pulse.launcher.stack.StackSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./pulse run}: a KRaft broker on localhost:9092, PostgreSQL (local or embedded), the
 * stream processor, report API with dashboards on 8080, ingest on 8081, and the demo generator,
 * all under one data directory so that a second run continues where the first stopped.
 * Ctrl-C stops everything in reverse order.
 */
public final class PulseLauncher {

    static final int KAFKA_PORT = 9092;
    static final int CONTROLLER_PORT = 9093;
    static final int REPORT_PORT = 8080;
    static final int INGEST_PORT = 8081;
    static final int PROCESSOR_PORT = 8082;

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** Where the services were sent for Kafka, for the one sentence a failed start ends with. */
    private volatile String kafkaAddress = "the configured address";

    public static void main(String[] args) {
        PulseLauncher launcher = new PulseLauncher();
        try {
            LaunchOptions options = LaunchOptions.parse(args, System.getenv());
            Runtime.getRuntime().addShutdownHook(new Thread(launcher::shutdown, "pulse-shutdown"));
            launcher.run(options);
            launcher.stopped.await();
        } catch (LaunchException e) {
            System.err.println("pulse: " + e.getMessage());
            launcher.shutdown();
            System.exit(1);
        } catch (Exception e) {
            // a service that failed to start: its own sentence, not Spring's chain of wrappers
            System.err.println("pulse: could not start: " + rootMessage(e, launcher.kafkaAddress) + " (details in the log: "
                    + System.getenv().getOrDefault("PULSE_LOG_DIR", "var/logs") + "/pulse.log)");
            launcher.shutdown();
            System.exit(1);
        }
    }

    private void run(LaunchOptions options) throws IOException {
        Path dataDir = prepare(options.dataDir());
        int offset = options.portsOffset();
        int kafkaPort = KAFKA_PORT + offset;
        int controllerPort = CONTROLLER_PORT + offset;
        int reportPort = REPORT_PORT + offset;
        int ingestPort = INGEST_PORT + offset;
        int processorPort = PROCESSOR_PORT + offset;
        for (int port : new int[] {KAFKA_PORT, CONTROLLER_PORT, REPORT_PORT, INGEST_PORT, PROCESSOR_PORT}) {
            if (options.kafka() != null && (port == KAFKA_PORT || port == CONTROLLER_PORT)) {
                continue; // no broker of ours
            }
            Ports.requireFree(port + offset, switch (port) {
                case KAFKA_PORT -> "Kafka";
                case CONTROLLER_PORT -> "Kafka controller";
                case REPORT_PORT -> "report API and dashboards";
                case INGEST_PORT -> "ingest API";
                default -> "stream processor";
            });
        }
        long startedAt = System.nanoTime();
        progress("data directory " + dataDir);

        KafkaClientSettings kafkaClient = KafkaClientSettings.fromEnvironment(System.getenv());
        String kafka = startOrCheckKafka(options, dataDir, kafkaPort, controllerPort, kafkaClient);

        Database database = options.db() != null
                ? Database.existing(new DatabaseSettings(options.db(), env("PULSE_DB_USER", "pulse"), env("PULSE_DB_PASSWORD", "pulse")))
                : Database.locateOrStart(configuredDatabase(), dataDir);
        started.push(database);
        progress((database.isEmbedded() ? "embedded PostgreSQL on " : options.db() != null ? "your PostgreSQL on "
                : "local PostgreSQL on ") + database.settings().jdbcUrl());

        FirstAdmin firstAdmin = FirstAdmin.of(dataDir, System.getenv("PULSE_ADMIN_PASSWORD"));
        StackCredentials credentials = new StackCredentials(
                envOrElse("PULSE_ADMIN_TOKEN", TokenHash::newToken), firstAdmin.password(), TokenHash.newToken());
        PulseStack stack = new PulseStack(stackSettings(kafka, database, dataDir, offset, options.webhooks(), credentials));
        started.push(stack);
        stack.startProcessor();
        progress("stream processor, health on http://localhost:" + processorPort + "/actuator/health");
        stack.startReport();
        firstAdmin.markCreated();
        progress("report API on http://localhost:" + reportPort + "/api/v1 (OpenAPI: /swagger-ui.html)"
                + (options.webhooks().isEmpty() ? "" : ", alerts to " + options.webhooks().size() + " webhook(s)"));
        stack.startIngest();
        progress("ingest API on http://localhost:" + ingestPort + "/api/v1/followups and /api/v1/sales");

        String demoPassword = null;
        if (options.demo()) {
            demoPassword = envOrElse("PULSE_DEMO_PASSWORD", FirstAdmin::newPassword);
            new DemoAccounts(URI.create("http://localhost:" + reportPort), credentials.adminToken()).create(demoPassword);
            startDemo(dataDir, ingestPort, credentials.ingestToken());
        }
        System.out.printf("%nPulse is running (%.1f s). Dashboard: http://localhost:%d/%n",
                (System.nanoTime() - startedAt) / 1e9, reportPort);
        System.out.println(firstAdmin.signInLine());
        System.out.println("  Admin API token: " + credentials.adminToken()
                + (System.getenv("PULSE_ADMIN_TOKEN") == null ? "  (new each run; set PULSE_ADMIN_TOKEN to fix it)" : ""));
        System.out.println("    e.g. export PULSE_TOKEN=" + credentials.adminToken() + "; ./pulse token create --role INGEST");
        if (demoPassword != null) {
            System.out.println("  Demo sign-ins: " + DemoAccounts.describe() + "; password: " + demoPassword);
        }
        System.out.println("Press Ctrl-C to stop.");
    }

    /**
     * The embedded broker of the data directory, or the cluster named by {@code --kafka} once it has
     * answered with the {@code PULSE_KAFKA_CLIENT_*} settings.
     *
     * @return the bootstrap servers the services are given
     */
    private String startOrCheckKafka(LaunchOptions options, Path dataDir, int kafkaPort, int controllerPort,
                                     KafkaClientSettings kafkaClient) {
        if (options.kafka() != null) {
            kafkaAddress = options.kafka();
            String clusterId = ExistingKafka.check(options.kafka(), kafkaClient, Duration.ofSeconds(20));
            progress("your Kafka cluster " + clusterId + " at " + options.kafka()
                    + (kafkaClient.client().isEmpty() ? "" : " with " + kafkaClient.describe()));
            return options.kafka();
        }
        KafkaBroker broker = new KafkaBroker(dataDir.resolve("kafka"), kafkaPort, controllerPort);
        broker.start();
        started.push(broker);
        progress("Kafka broker (KRaft) on " + broker.bootstrapServers());
        kafkaAddress = broker.bootstrapServers();
        return broker.bootstrapServers();
    }

    /** The one place the stack of a data directory is described, for ./pulse run and ./pulse rebuild alike. */
    static StackSettings stackSettings(String kafkaBootstrap, Database database, Path dataDir, int portsOffset,
                                       java.util.List<String> webhooks, StackCredentials credentials) {
        return new StackSettings(kafkaBootstrap, database.settings(), dataDir.resolve("streams"),
                INGEST_PORT + portsOffset, REPORT_PORT + portsOffset, PROCESSOR_PORT + portsOffset, zone(),
                "pulse-stream-processor", "pulse-projector", TopicNames.defaults(), Duration.ofSeconds(10), webhooks,
                credentials, KafkaClientSettings.fromEnvironment(System.getenv()));
    }

    private static String envOrElse(String name, java.util.function.Supplier<String> otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise.get() : value.strip();
    }

    private void startDemo(Path dataDir, int ingestPort, String ingestToken) throws IOException {
        DemoGenerator demo = new DemoGenerator(URI.create("http://localhost:" + ingestPort), ingestToken,
                Duration.ofMillis(1500));
        Path seeded = dataDir.resolve("demo-backfilled");
        if (!Files.exists(seeded)) {
            progress("demo: backfilling 14 days of follow-ups");
            demo.backfill(14, 40);
            Files.writeString(seeded, "the demo history was posted once; delete this file to post it again\n");
        }
        Thread thread = Thread.ofPlatform().daemon().name("demo-generator").start(demo);
        started.push(() -> {
            demo.stop();
            thread.interrupt();
        });
        progress("demo generator posting live follow-ups and sales (--no-demo to turn it off)");
    }

    static Path prepare(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Path probe = Files.createTempFile(dataDir, ".write-check", "");
            Files.delete(probe);
            return dataDir;
        } catch (IOException e) {
            throw new LaunchException("The data directory " + dataDir + " is not a writable directory ("
                    + e.getMessage() + "): pass another one with --data-dir.");
        }
    }

    static DatabaseSettings configuredDatabase() {
        return new DatabaseSettings(env("PULSE_DB_URL", "jdbc:postgresql://localhost:5432/pulse"),
                env("PULSE_DB_USER", "pulse"), env("PULSE_DB_PASSWORD", "pulse"));
    }

    private static ZoneId zone() {
        return ZoneId.of(env("PULSE_ZONE", "Asia/Shanghai"));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String rootMessage(Throwable e, String kafkaAddress) {
        java.util.Optional<String> kafka = KafkaProblems.recognise(e, kafkaAddress);
        if (kafka.isPresent()) {
            return kafka.get();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    private static void progress(String message) {
        System.out.println("  ✓ " + message);
    }

    private void shutdown() {
        if (stopped.getCount() == 0) {
            return;
        }
        if (!started.isEmpty()) {
            System.out.println("\nStopping Pulse...");
        }
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("pulse: while stopping: " + e.getMessage());
            }
        }
        stopped.countDown();
    }
}
