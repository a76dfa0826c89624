package dev.pulse.processor.funnel;

import dev.pulse.events.FollowUp;
import dev.pulse.events.JsonSerde;
import dev.pulse.events.Pipeline;
import dev.pulse.events.Sale;
import dev.pulse.events.funnel.CustomerFunnel;
import dev.pulse.events.funnel.FunnelCell;
import java.time.ZoneId;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The stage funnel (DESIGN.md definition 2).
 *
 * <p>Input: counted follow-ups and valid sales (String customerId -> FollowUp / Sale). Each
 * customer's journey yields a snapshot (reached stages, current stage, transitions, days in
 * stage, owner, cohort day, source, sales); the snapshots form a table, re-grouped by cohort day,
 * owner rep, team and source, where an adder and a subtractor keep every cell exact as customers
 * move (an owner change or an earlier first follow-up moves the customer to another cell).
 * Output: the funnel-cells topic (String cell key -> {@link FunnelCell}, compacted).
 */
public final class FunnelTopology {

    static final String JOURNEY_STORE = "funnel-journeys";

    private final String cellsTopic;
    private final Journeys journeys;

    public FunnelTopology(String cellsTopic, Pipeline pipeline, ZoneId zone) {
        this.cellsTopic = cellsTopic;
        this.journeys = new Journeys(pipeline, zone);
    }

    public void build(StreamsBuilder builder, KStream<String, FollowUp> followUps, KStream<String, Sale> sales) {
        JsonSerde<CustomerFunnel> customerSerde = JsonSerde.of(CustomerFunnel.class);
        JsonSerde<FunnelCell> cellSerde = JsonSerde.of(FunnelCell.class);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(JOURNEY_STORE),
                Serdes.String(), JsonSerde.of(CustomerJourney.class)));

        KTable<String, CustomerFunnel> customers = followUps
                .mapValues(JourneyEvent::of, Named.as("funnel-followup-event"))
                .merge(sales.mapValues(JourneyEvent::of, Named.as("funnel-sale-event")), Named.as("funnel-events"))
                .process(() -> new JourneyProcessor(JOURNEY_STORE, journeys), Named.as("funnel-journey"), JOURNEY_STORE)
                .toTable(Named.as("funnel-customers-table"), Materialized.<String, CustomerFunnel>as(
                        Stores.persistentKeyValueStore("funnel-customers")).withKeySerde(Serdes.String())
                        .withValueSerde(customerSerde));

        customers
                .groupBy((customerId, c) -> KeyValue.pair(FunnelCell.keyOf(c.cohortDay(), c.repId(), c.teamId(), c.source()), c),
                        Grouped.with("funnel-by-cell", Serdes.String(), customerSerde))
                .aggregate(FunnelCell::empty, (key, c, cell) -> cell.plus(c, 1), (key, c, cell) -> cell.plus(c, -1),
                        Named.as("funnel-cell-aggregate"), Materialized.<String, FunnelCell>as(
                                Stores.persistentKeyValueStore("funnel-cells")).withKeySerde(Serdes.String())
                                .withValueSerde(cellSerde))
                .toStream(Named.as("funnel-cell-changes"))
                .to(cellsTopic, Produced.with(Serdes.String(), cellSerde).withName("funnel-cells-sink"));
    }
}
