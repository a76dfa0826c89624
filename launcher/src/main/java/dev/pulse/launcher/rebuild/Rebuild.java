package dev.pulse.launcher.rebuild;

import dev.pulse.events.PulseTopics;
import dev.pulse.events.Topic;
import dev.pulse.events.TopicNames;
import dev.pulse.launcher.LaunchException;
import dev.pulse.launcher.stack.StackSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Forgets everything the stream processor derived, so that it derives it again from the input
 * topics (kept for ever) with the current definitions: thresholds, pipeline stages, multi-rep window.
 * Pulse must be stopped (the caller checks that its ports are free). What goes:
 * <ul>
 *   <li>the processor's Kafka Streams application: its consumer group (so it reads the inputs from
 *       the beginning), its internal changelog and repartition topics, and its local state;</li>
 *   <li>the derived tables: every activity row and funnel cell, every duplicate flag nobody
 *       dismissed (a dismissed one keeps its row and its reason; the flag recomputed lands on it),
 *       every OPEN alert (resolved alerts are history a replay cannot re-live, so they stay);</li>
 *   <li>the projector's place in the derived topics, moved to their end: what the old definitions
 *       produced there is never projected again, what the replay produces is.</li>
 * </ul>
 * The facts (followup, sale) and the webhook outbox stay: an alert recomputed under the same id is
 * not sent to the webhooks a second time.
 */
public final class Rebuild {

    private final StackSettings settings;

    public Rebuild(StackSettings settings) {
        this.settings = settings;
    }

    public void reset() throws IOException, InterruptedException, ExecutionException, SQLException {
        try (Admin admin = Admin.create(settings.kafkaClient().clientConfig(settings.kafkaBootstrap()))) {
            resetApplication(admin);
            deleteTree(settings.stateDir());
            resetReadModel(endOffsets(admin, derivedTopics(settings.topics())));
        }
    }

    /** The topics only the stream processor writes: the projector's place in them moves to their end. */
    static List<String> derivedTopics(TopicNames topics) {
        return PulseTopics.of(topics).derived().stream().map(Topic::name).toList();
    }

    private void resetApplication(Admin admin) throws InterruptedException, ExecutionException {
        String group = settings.processorApplicationId();
        try {
            GroupState state = admin.describeConsumerGroups(List.of(group)).all().get().get(group).groupState();
            if (state != GroupState.EMPTY && state != GroupState.DEAD) {
                // Kafka Streams does not leave its group on close, so a stopped processor stays a member
                // until its session times out. The caller has checked that Pulse is stopped (its ports are
                // free), so the members left are gone: remove them now instead of waiting 45 s.
                admin.removeMembersFromConsumerGroup(group, new RemoveMembersFromConsumerGroupOptions()).all().get();
            }
            admin.deleteConsumerGroups(List.of(group)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                throw e;
            }
        }
        Set<String> internal = admin.listTopics().names().get().stream()
                .filter(name -> name.startsWith(group + "-"))
                .collect(Collectors.toSet());
        if (!internal.isEmpty()) {
            admin.deleteTopics(internal).all().get();
            // Kafka Streams recreates them on start; it must not find them half deleted.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (admin.listTopics().names().get().stream().anyMatch(internal::contains)) {
                if (System.nanoTime() > deadline) {
                    throw new LaunchException("Kafka did not delete the processor's internal topics within 60 s.");
                }
                Thread.sleep(200);
            }
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, List<String> topics)
            throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(topics).allTopicNames().get().values().stream()
                .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> ((ListOffsetsResult.ListOffsetsResultInfo) e.getValue()).offset()));
    }

    private void resetReadModel(Map<TopicPartition, Long> derivedEnds) throws SQLException {
        var db = settings.database();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("delete from rep_activity");
                statement.executeUpdate("delete from funnel_cell");
                statement.executeUpdate("delete from funnel_stage");
                statement.executeUpdate("delete from funnel_transition");
                statement.executeUpdate("delete from funnel_stage_days");
                statement.executeUpdate("delete from funnel_revenue");
                statement.executeUpdate("delete from duplicate_flag where status <> 'DISMISSED'");
                statement.executeUpdate("delete from alert where status = 'OPEN'");
            }
            try (PreparedStatement offsets = connection.prepareStatement("""
                    insert into projector_offset (consumer_group, topic, partition_no, next_offset) values (?, ?, ?, ?)
                    on conflict (consumer_group, topic, partition_no) do update set next_offset = excluded.next_offset""")) {
                for (var end : derivedEnds.entrySet()) {
                    offsets.setString(1, settings.projectorGroup());
                    offsets.setString(2, end.getKey().topic());
                    offsets.setInt(3, end.getKey().partition());
                    offsets.setLong(4, end.getValue());
                    offsets.addBatch();
                }
                offsets.executeBatch();
            }
            connection.commit();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
