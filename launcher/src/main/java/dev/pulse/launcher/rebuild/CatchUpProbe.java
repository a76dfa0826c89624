package dev.pulse.launcher.rebuild;

import dev.pulse.launcher.stack.StackSettings;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits, with a progress bar, until the stream processor has read every input event and the
 * projector has written everything the processor derived. A partition written in transactions
 * ends in a commit marker that no committed position passes, so one offset of lag counts as none.
 */
public final class CatchUpProbe implements AutoCloseable {

    private static final int BAR = 30;

    private final StackSettings settings;
    private final Admin admin;
    private final PrintStream out;

    public CatchUpProbe(StackSettings settings, PrintStream out) {
        this.settings = settings;
        this.admin = Admin.create(settings.kafkaClient().clientConfig(settings.kafkaBootstrap()));
        this.out = out;
    }

    /** @return the input events replayed */
    public long await(long timeoutMillis) throws Exception {
        List<TopicPartition> inputs = partitions(List.of(settings.topics().followups(), settings.topics().sales()));
        List<TopicPartition> derived = partitions(Rebuild.derivedTopics(settings.topics()));
        long deadline = System.currentTimeMillis() + timeoutMillis;
        long started = System.nanoTime();
        int quietChecks = 0;
        while (quietChecks < 2) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the rebuild did not finish within " + timeoutMillis / 1000 + " s");
            }
            Thread.sleep(500);
            Map<TopicPartition, Long> inputEnds = ends(inputs);
            Map<TopicPartition, Long> read = processorPositions(inputs);
            long total = inputEnds.values().stream().mapToLong(Long::longValue).sum();
            long done = read.values().stream().mapToLong(Long::longValue).sum();
            draw(done, total, started);
            boolean processorDone = caughtUp(read, inputEnds);
            boolean projectorDone = processorDone && caughtUp(projectorPositions(derived), ends(derived));
            quietChecks = projectorDone ? quietChecks + 1 : 0;
        }
        long total = ends(inputs).values().stream().mapToLong(Long::longValue).sum();
        draw(total, total, started);
        out.println();
        return total;
    }

    private void draw(long done, long total, long started) {
        double fraction = total == 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(fraction * BAR);
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        out.printf("\r[%s%s] %3d%%  %,d of %,d input events  %,.0f/s", "#".repeat(filled), "-".repeat(BAR - filled),
                Math.round(fraction * 100), done, total, done / seconds);
        out.flush();
    }

    private static boolean caughtUp(Map<TopicPartition, Long> positions, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> end.getValue() - positions.getOrDefault(end.getKey(), 0L) <= 1);
    }

    private Map<TopicPartition, Long> processorPositions(Collection<TopicPartition> inputs) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(settings.processorApplicationId())
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, Long> positions = new HashMap<>();
        inputs.forEach(p -> positions.put(p, committed.get(p) == null ? 0 : committed.get(p).offset()));
        return positions;
    }

    private Map<TopicPartition, Long> projectorPositions(Collection<TopicPartition> derived) throws SQLException {
        var db = settings.database();
        Map<TopicPartition, Long> positions = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement query = connection.prepareStatement(
                     "select topic, partition_no, next_offset from projector_offset where consumer_group = ?")) {
            query.setString(1, settings.projectorGroup());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    positions.put(new TopicPartition(rows.getString(1), rows.getInt(2)), rows.getLong(3));
                }
            }
        }
        positions.keySet().retainAll(derived);
        return positions;
    }

    private Map<TopicPartition, Long> ends(List<TopicPartition> partitions) throws Exception {
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest())))
                .all().get(30, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private List<TopicPartition> partitions(List<String> topics) throws Exception {
        return admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values().stream()
                .flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
                .toList();
    }

    @Override
    public void close() {
        admin.close();
    }
}
