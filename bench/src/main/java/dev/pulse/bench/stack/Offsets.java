package dev.pulse.bench.stack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far behind the stream processor's consumer group and the projector's offset table are.
 * A partition written in transactions ends in a commit marker, which no consumer position passes
 * until more data comes, so one offset of lag counts as none on those.
 */
public final class Offsets implements AutoCloseable {

    private final Admin admin;

    public Offsets(String bootstrap) {
        admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    public Map<TopicPartition, Long> ends(Collection<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(partitions.stream()
                .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()))).all().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, Long> result = new HashMap<>();
        ends.forEach((p, info) -> result.put(p, info.offset()));
        return result;
    }

    /** Records of {@code inputs} the group has committed, and whether it has caught up everywhere. */
    public Catchup group(String groupId, Collection<TopicPartition> inputs) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, Long> positions = new HashMap<>();
        committed.forEach((p, o) -> positions.put(p, o == null ? 0 : o.offset()));
        inputs.forEach(p -> positions.putIfAbsent(p, 0L));
        return catchup(positions, inputs);
    }

    /** The projector keeps its offsets in PostgreSQL, in the same transaction as the rows. */
    public Catchup projector(String jdbcUrl, String user, String password, String group, Collection<TopicPartition> all,
                              Collection<TopicPartition> plain) throws Exception {
        Map<TopicPartition, Long> positions = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select topic, partition_no, next_offset from projector_offset where consumer_group = '"
                     + group.replace("'", "''") + "'")) {
            while (rs.next()) {
                positions.put(new TopicPartition(rs.getString(1), rs.getInt(2)), rs.getLong(3));
            }
        } catch (SQLException e) {
            // the projector has not created its tables yet
        }
        all.forEach(p -> positions.putIfAbsent(p, 0L));
        return catchup(positions, plain);
    }

    private Catchup catchup(Map<TopicPartition, Long> positions, Collection<TopicPartition> plain) throws Exception {
        Map<TopicPartition, Long> ends = ends(positions.keySet());
        long consumedPlain = 0;
        long behind = 0;
        boolean caughtUp = true;
        for (Map.Entry<TopicPartition, Long> e : positions.entrySet()) {
            long lag = ends.get(e.getKey()) - e.getValue();
            boolean isPlain = plain.contains(e.getKey());
            if (isPlain) {
                consumedPlain += e.getValue();
            }
            behind += Math.max(0, lag);
            if (lag > (isPlain ? 0 : 1)) {
                caughtUp = false;
            }
        }
        return new Catchup(consumedPlain, caughtUp, behind);
    }

    /**
     * @param consumed records of the plain (non-transactional input) partitions consumed
     * @param behind   offsets still to go on every partition, transaction markers included
     */
    public record Catchup(long consumed, boolean caughtUp, long behind) {
    }

    @Override
    public void close() {
        admin.close();
    }
}
