package dev.pulse.report;

import dev.pulse.events.JsonSerde;
import dev.pulse.events.TopicNames;
import dev.pulse.events.funnel.FunnelCell;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Funnel cells written by hand, as the stream processor would publish them on the funnel-cells
 * topic: {@code cell("2026-11-02", "rep-1", "east", "web").customers(4).reached("LEAD", 4, ...)}.
 */
final class FunnelCells {

    private static final Serializer<FunnelCell> CELLS = JsonSerde.of(FunnelCell.class).serializer();

    private final String cohortDay;
    private final String repId;
    private final String teamId;
    private final String source;
    private long customers;
    private long withSale;
    private BigDecimal revenue = BigDecimal.ZERO;
    private final Map<String, Long> reached = new LinkedHashMap<>();
    private final Map<String, Long> current = new LinkedHashMap<>();
    private final Map<String, Long> transitions = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> stageDays = new LinkedHashMap<>();

    private FunnelCells(String cohortDay, String repId, String teamId, String source) {
        this.cohortDay = cohortDay;
        this.repId = repId;
        this.teamId = teamId;
        this.source = source;
    }

    static FunnelCells cell(String cohortDay, String repId, String teamId, String source) {
        return new FunnelCells(cohortDay, repId, teamId, source);
    }

    FunnelCells customers(long n) {
        customers = n;
        return this;
    }

    /** stage, count, stage, count, ... */
    FunnelCells reached(Object... stageCounts) {
        put(reached, stageCounts);
        return this;
    }

    FunnelCells current(Object... stageCounts) {
        put(current, stageCounts);
        return this;
    }

    /** "FROM>TO", count, ... */
    FunnelCells transitions(Object... moveCounts) {
        put(transitions, moveCounts);
        return this;
    }

    /** The day histogram of one stage: days, customers, days, customers, ... */
    FunnelCells days(String stage, long... daysCustomers) {
        Map<String, Long> histogram = new LinkedHashMap<>();
        for (int i = 0; i < daysCustomers.length; i += 2) {
            histogram.put(Long.toString(daysCustomers[i]), daysCustomers[i + 1]);
        }
        stageDays.put(stage, histogram);
        return this;
    }

    FunnelCells sales(long customersWithSale, String revenue) {
        this.withSale = customersWithSale;
        this.revenue = new BigDecimal(revenue);
        return this;
    }

    FunnelCell build() {
        return new FunnelCell(LocalDate.parse(cohortDay), repId, teamId, source, customers, reached, current, transitions,
                stageDays, withSale, revenue);
    }

    static byte[] bytes(FunnelCell cell) {
        return CELLS.serialize("funnel-cells", cell);
    }

    /** Sends each cell under its key and waits for the broker's acknowledgement. */
    static void send(KafkaProducer<String, byte[]> producer, String topic, FunnelCell... cells) {
        for (FunnelCell cell : cells) {
            send(producer, topic, cell.key(), bytes(cell));
        }
    }

    static void send(KafkaProducer<String, byte[]> producer, String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("send to " + topic + " failed", e);
        }
    }

    /** The topic settings of {@link TestKafka#topicSettings} plus the funnel-cells topic. */
    static String[] settings(TopicNames names) {
        return Stream.concat(Stream.of(TestKafka.topicSettings(names)),
                Stream.of("pulse.projector.topics.funnel-cells=" + names.funnelCells())).toArray(String[]::new);
    }

    private static void put(Map<String, Long> target, Object... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            target.put((String) pairs[i], ((Number) pairs[i + 1]).longValue());
        }
    }
}
