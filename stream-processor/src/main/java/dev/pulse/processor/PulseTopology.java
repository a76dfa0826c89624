package dev.pulse.processor;

import dev.pulse.events.FollowUp;
import dev.pulse.events.InputEvent;
import dev.pulse.events.Sale;
import dev.pulse.events.PulseTopics;
import dev.pulse.events.TopicNames;
import dev.pulse.events.validation.FollowUpValidator;
import dev.pulse.events.validation.SaleValidator;
import dev.pulse.processor.customer.CustomerTopology;
import dev.pulse.processor.intake.EventIntake;
import dev.pulse.processor.stale.StaleRules;
import java.time.Duration;
import java.time.ZoneId;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;

/**
 * The whole Pulse topology on one builder, with no Spring and no broker, so tests build the very
 * same topology into a TopologyTestDriver. Two sub-topologies: the customer-keyed one (intake and
 * every per-customer check, see {@link CustomerTopology}) and the duplicate-customer check keyed
 * by contact.
 */
public final class PulseTopology {

    private PulseTopology() {
    }

    public static final Duration DEFAULT_MULTI_REP_WINDOW = Duration.ofDays(30);

    public static Topology build(TopicNames topics, ZoneId zone, FollowUpValidator followUps, SaleValidator sales) {
        return build(topics, zone, followUps, sales, DEFAULT_MULTI_REP_WINDOW);
    }

    public static Topology build(TopicNames topics, ZoneId zone, FollowUpValidator followUps, SaleValidator sales,
                                 Duration multiRepWindow) {
        return build(topics, zone, followUps, sales, multiRepWindow, StaleRules.defaults());
    }

    public static Topology build(TopicNames names, ZoneId zone, FollowUpValidator followUps, SaleValidator sales,
                                 Duration multiRepWindow, StaleRules staleRules) {
        PulseTopics topics = PulseTopics.of(names);
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, FollowUp> validFollowUps = new EventIntake<>(InputEvent.FOLLOW_UP, topics, followUps::validate)
                .build(builder);
        KStream<String, Sale> validSales = new EventIntake<>(InputEvent.SALE, topics, sales::validate).build(builder);
        // One pipeline for every check: the stale rules carry it.
        new CustomerTopology(new CustomerTopology.Settings(topics, zone, multiRepWindow, staleRules))
                .build(builder, validFollowUps, validSales);
        return builder.build();
    }
}
