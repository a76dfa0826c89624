package dev.pulse.processor;

import dev.pulse.events.FollowUp;
import dev.pulse.events.Sale;
import dev.pulse.events.TopicNames;
import dev.pulse.events.validation.FollowUpValidator;
import dev.pulse.events.validation.SaleValidator;
import dev.pulse.processor.activity.ActivityTopology;
import dev.pulse.processor.intake.EventIntake;
import java.time.ZoneId;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;

/**
 * Every Pulse topology on one builder, with no Spring and no broker, so tests build the very same
 * topology into a TopologyTestDriver.
 */
public final class PulseTopology {

    private PulseTopology() {
    }

    public static Topology build(TopicNames topics, ZoneId zone, FollowUpValidator followUps, SaleValidator sales) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, FollowUp> validFollowUps = new EventIntake<>("followups", topics.followups(), topics.errors(),
                FollowUp.class, followUps::validate, FollowUp::eventId).build(builder);
        // Sales are only validated here for now, so that poison on the sales topic is reported too.
        new EventIntake<>("sales", topics.sales(), topics.errors(), Sale.class, sales::validate, Sale::eventId)
                .build(builder);
        new ActivityTopology(topics.repActivity(), zone).build(builder, validFollowUps);
        return builder.build();
    }
}
