package dev.pulse.processor.activity;

import dev.pulse.events.FollowUp;
import dev.pulse.events.JsonSerde;
import dev.pulse.events.activity.ActivityRow;
import dev.pulse.events.activity.ActivityScope;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Per-rep and per-team follow-up activity (DESIGN.md definition 1).
 *
 * <p>Input: valid, first-seen follow-ups (String customerId -> FollowUp). They are re-keyed by rep
 * (and, where a team is given, by team) and repartitioned, then counted per day, ISO week and
 * month of the reporting time zone, by {@code occurredAt}, so late events land in their own
 * period. Output: the rep-activity topic (String row key -> {@link ActivityRow}, compacted), the
 * full current row on every change.
 */
public final class ActivityTopology {

    private static final JsonSerde<FollowUp> FOLLOW_UP = JsonSerde.of(FollowUp.class);
    private static final JsonSerde<ActivityRow> ROW = JsonSerde.of(ActivityRow.class);

    private final String outputTopic;
    private final ZoneId zone;

    public ActivityTopology(String outputTopic, ZoneId zone) {
        this.outputTopic = outputTopic;
        this.zone = zone;
    }

    public void build(StreamsBuilder builder, KStream<String, FollowUp> followUps) {
        countBy(builder, followUps, ActivityScope.REP, FollowUp::repId);
        countBy(builder, followUps.filter((key, f) -> f.teamId() != null, Named.as("activity-with-team")),
                ActivityScope.TEAM, FollowUp::teamId);
    }

    private void countBy(StreamsBuilder builder, KStream<String, FollowUp> followUps, ActivityScope scope,
                         Function<FollowUp, String> subject) {
        String name = "activity-" + scope.name().toLowerCase(Locale.ROOT);
        String rowsStore = name + "-rows";
        String customersStore = name + "-customers";
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(rowsStore), Serdes.String(), ROW));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(customersStore), Serdes.String(), Serdes.Long()));
        followUps
                .selectKey((customerId, f) -> subject.apply(f), Named.as(name + "-key"))
                .repartition(Repartitioned.with(Serdes.String(), FOLLOW_UP).withName(name + "-by-subject"))
                .process(() -> new ActivityProcessor(scope, zone, rowsStore, customersStore), Named.as(name + "-count"),
                        rowsStore, customersStore)
                .to(outputTopic, Produced.with(Serdes.String(), ROW).withName(name + "-sink"));
    }
}
