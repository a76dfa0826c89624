package dev.pulse.report;

import dev.pulse.events.JsonSerde;
import dev.pulse.events.changes.CustomerChange;
import dev.pulse.events.funnel.FunnelCell;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Funnel cells written by hand, {@code cell("2026-11-02", "rep-1", "east", "web").customers(4).reached("LEAD", 4, ...)},
 * and sent as the stream processor publishes funnel changes on the changes topic: a cell built here
 * is the signed change a {@link CustomerChange} carries, so a whole cell sent to an empty read model
 * is that cell, and a later change adds to it ({@link #minus} takes a cell's figures away again).
 */
final class FunnelCells {

    private static final Serializer<CustomerChange> CHANGES = JsonSerde.of(CustomerChange.class).serializer();

    private final String cohortDay;
    private final String repId;
    private final String teamId;
    private final String source;
    private long customers;
    private long withSale;
    private final Map<String, BigDecimal> revenue = new LinkedHashMap<>();
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

    /** Customers with a sale and their revenue in CNY. */
    FunnelCells sales(long customersWithSale, String revenue) {
        this.withSale = customersWithSale;
        this.revenue.put("CNY", new BigDecimal(revenue));
        return this;
    }

    /** Revenue in another currency, beside any other. */
    FunnelCells revenue(String currency, String amount) {
        this.revenue.put(currency, new BigDecimal(amount));
        return this;
    }

    FunnelCell build() {
        return new FunnelCell(LocalDate.parse(cohortDay), repId, teamId, source, customers, reached, current, transitions,
                stageDays, withSale, revenue);
    }

    /** The same cell with every figure negated: the change that takes its customers out of it again. */
    static FunnelCell minus(FunnelCell cell) {
        Map<String, Map<String, Long>> days = new LinkedHashMap<>();
        cell.stageDays().forEach((stage, histogram) -> days.put(stage, negated(histogram)));
        return new FunnelCell(cell.cohortDay(), cell.repId(), cell.teamId(), cell.source(), -cell.customers(),
                negated(cell.reached()), negated(cell.current()), negated(cell.transitions()), days, -cell.withSale(),
                negatedAmounts(cell.revenueByCurrency()));
    }

    private static Map<String, BigDecimal> negatedAmounts(Map<String, BigDecimal> amounts) {
        Map<String, BigDecimal> negated = new LinkedHashMap<>();
        amounts.forEach((currency, amount) -> negated.put(currency, amount.negate()));
        return negated;
    }

    /** One change carrying these cell changes, as one event of one customer. */
    static CustomerChange change(FunnelCell... cells) {
        return new CustomerChange(null, List.of(cells));
    }

    static byte[] bytes(CustomerChange change) {
        return CHANGES.serialize("pulse-changes", change);
    }

    /**
     * Sends each cell as a change of its own, as if one customer brought the whole cell, keyed by the
     * cell's key (so a later change of "that customer" lands on the same partition, after it), and
     * waits for the broker's acknowledgement.
     */
    static void send(KafkaProducer<String, byte[]> producer, String topic, FunnelCell... cells) {
        for (FunnelCell cell : cells) {
            send(producer, topic, cell.key(), bytes(change(cell)));
        }
    }

    /** Sends one change of one customer carrying these cell changes. */
    static void sendChange(KafkaProducer<String, byte[]> producer, String topic, String customerId, FunnelCell... cells) {
        send(producer, topic, customerId, bytes(change(cells)));
    }

    static void send(KafkaProducer<String, byte[]> producer, String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("send to " + topic + " failed", e);
        }
    }

    private static Map<String, Long> negated(Map<String, Long> counts) {
        Map<String, Long> result = new LinkedHashMap<>();
        counts.forEach((key, n) -> result.put(key, -n));
        return result;
    }

    private static void put(Map<String, Long> target, Object... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            target.put((String) pairs[i], ((Number) pairs[i + 1]).longValue());
        }
    }
}
