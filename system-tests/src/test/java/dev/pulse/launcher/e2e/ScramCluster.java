package dev.pulse.launcher.e2e;

import static org.awaitility.Awaitility.await;

import dev.pulse.events.kafka.KafkaClientSettings;
import dev.pulse.launcher.JvmOptions;
import dev.pulse.launcher.Ports;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;

/**
 * A Kafka cluster as an operator runs one: three KRaft nodes (each broker and controller, a static
 * quorum of three voters), each a child JVM of its own that a test can SIGKILL; clients and the
 * brokers among themselves speak SASL/SCRAM-SHA-512 only (no plaintext listener for clients), and
 * every topic is replicated three times with {@code min.insync.replicas} 2, the internal ones too.
 * The users {@code broker} and {@code pulse} are written into the metadata log when the nodes are
 * formatted, as {@code kafka-storage format --add-scram} does.
 */
final class ScramCluster implements AutoCloseable {

    static final String USER = "pulse";
    static final String PASSWORD = "pulse-scram-secret";
    private static final String BROKER_PASSWORD = "broker-scram-secret";
    private static final Duration START_BOUND = Duration.ofMinutes(5);

    private final List<Node> nodes = new ArrayList<>();
    private final Path dir;

    ScramCluster(Path dir) {
        this.dir = dir;
        List<Integer> controllerPorts = IntStream.range(0, 3).map(i -> Ports.freePort()).boxed().toList();
        String voters = IntStream.range(0, 3).mapToObj(i -> (i + 1) + "@localhost:" + controllerPorts.get(i))
                .collect(Collectors.joining(","));
        for (int i = 0; i < 3; i++) {
            nodes.add(new Node(i + 1, Ports.freePort(), controllerPorts.get(i), voters));
        }
    }

    /** Formats the three nodes with one cluster id and the SCRAM users, starts them and waits until all three serve. */
    ScramCluster start() {
        try {
            Path logback = dir.resolve("logback-broker.xml");
            Files.writeString(logback, """
                    <configuration>
                      <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                        <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{30} - %msg%n</pattern></encoder>
                      </appender>
                      <!-- ISR shrinks and expands: what a broker's death does to the others -->
                      <logger name="kafka.cluster.Partition" level="INFO"/>
                      <root level="WARN"><appender-ref ref="OUT"/></root>
                    </configuration>
                    """);
            String clusterId = Uuid.randomUuid().toString();
            for (Node node : nodes) {
                node.format(clusterId, logback);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        nodes.forEach(Node::launch);
        await().atMost(START_BOUND).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> brokersServing(client(USER, PASSWORD)) == 3);
        return this;
    }

    String bootstrapServers() {
        return nodes.stream().map(node -> "localhost:" + node.port).collect(Collectors.joining(","));
    }

    List<Node> nodes() {
        return List.copyOf(nodes);
    }

    /** What Pulse's services get: SCRAM over SASL_PLAINTEXT, and the replication of the cluster. */
    static KafkaClientSettings client(String user, String password) {
        return Sasl.SCRAM_SHA_512.client(user, password, (short) 3, (short) 2);
    }

    /** Brokers the cluster reports as members right now. */
    int brokersServing(KafkaClientSettings settings) throws Exception {
        try (Admin admin = Admin.create(settings.clientConfig(bootstrapServers()))) {
            return admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size();
        }
    }

    @Override
    public void close() {
        nodes.forEach(Node::kill);
    }

    /** One KRaft node: broker and controller in one child JVM, its log directory kept across restarts. */
    final class Node implements Chaos.Victim {

        private final int id;
        private final int port;
        private final int controllerPort;
        private final Path properties;
        private final Path log;
        private Path logback;
        private Process process;

        private Node(int id, int port, int controllerPort, String voters) {
            this.id = id;
            this.port = port;
            this.controllerPort = controllerPort;
            this.properties = dir.resolve("broker-" + id + ".properties");
            this.log = dir.resolve("broker-" + id + ".log");
            Properties config = config(voters);
            try (Writer writer = Files.newBufferedWriter(properties, StandardCharsets.UTF_8)) {
                config.store(writer, "node " + id + " of the test's three-node cluster");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private Properties config(String voters) {
            Properties props = new Properties();
            props.put("process.roles", "broker,controller");
            props.put("node.id", String.valueOf(id));
            props.put("controller.quorum.voters", voters);
            props.putAll(Sasl.SCRAM_SHA_512.brokerListeners(port, controllerPort,
                    Sasl.SCRAM_SHA_512.jaas("broker", BROKER_PASSWORD, "")));
            props.put("log.dirs", dir.resolve("broker-" + id).toAbsolutePath().toString());
            props.put("num.partitions", "3");
            props.put("default.replication.factor", "3");
            props.put("min.insync.replicas", "2");
            props.put("offsets.topic.replication.factor", "3");
            props.put("transaction.state.log.replication.factor", "3");
            props.put("transaction.state.log.min.isr", "2");
            props.put("share.coordinator.state.topic.replication.factor", "3");
            props.put("share.coordinator.state.topic.min.isr", "2");
            props.put("auto.create.topics.enable", "false");
            props.put("group.initial.rebalance.delay.ms", "0");
            props.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
            props.put("log.cleaner.threads", "1");
            props.put("num.network.threads", "2");
            props.put("num.io.threads", "2");
            return props;
        }

        private void format(String clusterId, Path logbackConfig) {
            this.logback = logbackConfig;
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int status = StorageTool.execute(new String[] {"format", "--cluster-id", clusterId,
                    "--config", properties.toString(),
                    "--add-scram", "SCRAM-SHA-512=[name=broker,password=" + BROKER_PASSWORD + "]",
                    "--add-scram", "SCRAM-SHA-512=[name=" + USER + ",password=" + PASSWORD + "]"},
                    new PrintStream(output, true, StandardCharsets.UTF_8));
            if (status != 0) {
                throw new IllegalStateException("formatting node " + id + " failed: " + output.toString(StandardCharsets.UTF_8));
            }
        }

        private synchronized void launch() {
            List<String> command = new ArrayList<>(List.of(ServiceProcess.javaOfThisJvm()));
            command.addAll(JvmOptions.quiet());
            // this test JVM's classpath holds kafka_2.13 (the launcher's embedded broker) and logback
            command.addAll(List.of("-Xmx384m", "-XX:+UseSerialGC", "-Dlogback.configurationFile=" + logback,
                    "-cp", System.getProperty("java.class.path"), "kafka.Kafka", properties.toString()));
            process = ServiceProcess.launch(command, log, "=== start of broker " + id);
        }

        @Override
        public String name() {
            return "broker-" + id;
        }

        @Override
        public synchronized void kill() {
            ServiceProcess.destroy(process);
            process = null;
        }

        /** Starts the node again on its log directory and returns once its listener answers. */
        @Override
        public void start() {
            launch();
            await().atMost(START_BOUND).pollInterval(Duration.ofMillis(500)).until(() -> Ports.answers("localhost", port));
        }
    }
}
