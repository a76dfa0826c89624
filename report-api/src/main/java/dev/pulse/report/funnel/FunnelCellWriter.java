package dev.pulse.report.funnel;

import static dev.pulse.report.db.Tables.FUNNEL_CELL;

import dev.pulse.events.Json;
import dev.pulse.events.JsonSerde;
import dev.pulse.events.funnel.FunnelCell;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import dev.pulse.report.projector.Owner;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import dev.pulse.report.projector.TopicWriter;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;

/**
 * Funnel cells (topic funnel-cells, String cell key -> {@link FunnelCell}) into funnel_cell. Each
 * record carries a cell's full current figures, so only the last record per key in a batch is
 * written, as an upsert. A cell left without customers (they all moved to other cells) and a
 * tombstone delete the row: an empty cell adds nothing to any funnel.
 *
 * <p>The projector calls it through its topic-writer interface (see ProjectorConfig).
 */
public final class FunnelCellWriter implements TopicWriter {

    private final String topic;
    private final Deserializer<FunnelCell> cells = JsonSerde.of(FunnelCell.class).deserializer();

    public FunnelCellWriter(String topic) {
        this.topic = topic;
    }

    @Override
    public String topic() {
        return topic;
    }

    /** @return how many cells were written or deleted; unreadable records are skipped */
    @Override
    public int write(DSLContext db, List<ConsumerRecord<String, byte[]>> records, Set<Owner> touched) {
        // cell key -> its last figures in the batch; a null value deletes the row
        Map<String, FunnelCell> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() == null) {
                if (record.key() != null) {
                    latest.put(record.key(), null);
                    touched.add(Owner.UNKNOWN);
                }
                continue;
            }
            FunnelCell cell = readable(record);
            if (cell != null) {
                latest.put(cell.key(), cell.customers() > 0 ? cell : null);
                touched.add(new Owner(cell.repId(), cell.teamId()));
            }
        }
        OffsetDateTime now = OffsetDateTime.now();
        List<Query> queries = new ArrayList<>();
        latest.forEach((key, cell) -> queries.add(cell == null
                ? db.deleteFrom(FUNNEL_CELL).where(FUNNEL_CELL.CELL_KEY.eq(key))
                : db.insertInto(FUNNEL_CELL)
                        .set(FUNNEL_CELL.CELL_KEY, key)
                        .set(FUNNEL_CELL.COHORT_DAY, cell.cohortDay())
                        .set(FUNNEL_CELL.REP_ID, cell.repId())
                        .set(FUNNEL_CELL.TEAM_ID, cell.teamId())
                        .set(FUNNEL_CELL.SOURCE, cell.source())
                        .set(figures(cell, now))
                        .onConflict(FUNNEL_CELL.CELL_KEY)
                        .doUpdate()
                        .set(figures(cell, now))));
        if (!queries.isEmpty()) {
            db.batch(queries).execute();
        }
        return queries.size();
    }

    /**
     * Cells are written only by the stream processor; one that cannot be read or has no cohort day
     * is skipped, because failing the batch would stop every topic's projection for good.
     */
    private FunnelCell readable(ConsumerRecord<String, byte[]> record) {
        try {
            FunnelCell cell = cells.deserialize(topic, record.value());
            return cell != null && cell.cohortDay() != null ? cell : null;
        } catch (SerializationException e) {
            return null;
        }
    }

    private static Map<Field<?>, Object> figures(FunnelCell cell, OffsetDateTime now) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(FUNNEL_CELL.CUSTOMERS, cell.customers());
        values.put(FUNNEL_CELL.WITH_SALE, cell.withSale());
        values.put(FUNNEL_CELL.REVENUE, cell.revenue());
        values.put(FUNNEL_CELL.FIGURES, Json.MAPPER.writeValueAsString(cell));
        values.put(FUNNEL_CELL.UPDATED_AT, now);
        return values;
    }
}
