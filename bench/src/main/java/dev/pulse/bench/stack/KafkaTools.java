package dev.pulse.bench.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own performance tools, each in a child JVM on the bench's class path, so the baseline
 * has a JVM to itself just as a user running {@code kafka-producer-perf-test.sh} would.
 */
public final class KafkaTools {

    private static final Pattern PRODUCER_SUMMARY = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec");

    private KafkaTools() {
    }

    /** {@code ProducerPerformance} at full speed: records per second as it reports them. */
    public static double producerPerformance(String bootstrap, String topic, long records, int recordSize, String acks)
            throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            // The broker creates no topic on its own; the same partitions as Pulse's follow-up topic.
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        String output = run(List.of("org.apache.kafka.tools.ProducerPerformance", "--topic", topic,
                "--num-records", String.valueOf(records), "--record-size", String.valueOf(recordSize),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrap, "acks=" + acks));
        return producerRate(output, records);
    }

    /** The records/sec of ProducerPerformance's final summary line (the one naming all the records). */
    static double producerRate(String output, long records) {
        Matcher last = null;
        for (String line : output.lines().toList()) {
            Matcher m = PRODUCER_SUMMARY.matcher(line);
            if (m.find() && line.contains("50th") && m.group(1).equals(String.valueOf(records))) {
                last = m;
            }
        }
        if (last == null) {
            throw new IllegalStateException("ProducerPerformance printed no summary:\n" + output);
        }
        return Double.parseDouble(last.group(2));
    }

    /**
     * {@code ConsumerPerformance} reading {@code messages} records of the topic from the start:
     * records per second from its CSV line (fetch.nMsg.sec: after the group has joined, as the
     * Pulse figure is taken once the stream threads run).
     */
    public static double consumerPerformance(String bootstrap, String topic, long messages)
            throws IOException, InterruptedException {
        String output = run(List.of("org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server", bootstrap,
                "--topic", topic, "--messages", String.valueOf(messages), "--timeout", "60000", "--group", "bench-consumer-perf-" + System.nanoTime()));
        return consumerRate(output, messages);
    }

    /** fetch.nMsg.sec of ConsumerPerformance's CSV result, refusing a run that read fewer than {@code messages}. */
    static double consumerRate(String output, long messages) {
        List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("start.time")) {
                List<String> header = List.of(lines.get(i).split(",\\s*"));
                // Log lines may come between the header and its values: the values line has as many fields.
                for (String candidate : lines.subList(i + 1, lines.size())) {
                    String[] values = candidate.split(",\\s*");
                    if (values.length != header.size()) {
                        continue;
                    }
                    long consumed = Long.parseLong(values[header.indexOf("data.consumed.in.nMsg")].strip());
                    if (consumed < messages) {
                        throw new IllegalStateException("ConsumerPerformance read " + consumed + " of " + messages + " records");
                    }
                    return Double.parseDouble(values[header.indexOf("fetch.nMsg.sec")].strip());
                }
            }
        }
        throw new IllegalStateException("ConsumerPerformance printed no result:\n" + output);
    }

    private static String run(List<String> toolArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path")));
        command.addAll(toolArgs);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(toolArgs.getFirst() + " failed:\n" + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
