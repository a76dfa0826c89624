package dev.pulse.processor;

import dev.pulse.events.JsonSerde;
import dev.pulse.events.Pipeline;
import dev.pulse.events.PoisonRecord;
import dev.pulse.events.TopicNames;
import dev.pulse.events.validation.FollowUpValidator;
import dev.pulse.events.validation.SaleValidator;
import dev.pulse.processor.stale.StaleRules;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The topology the service runs, in a {@link TopologyTestDriver} as the topology tests drive it:
 * default topic names, exactly-once, and an application id and state directory of the test's own.
 * Raw JSON bytes go in on followups and sales, as the ingest service writes them; what comes out is
 * read as the service's consumers read it.
 */
public final class PulseDriver implements AutoCloseable {

    private static final TopicNames TOPICS = TopicNames.defaults();

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, byte[]> followups;
    private final TestInputTopic<String, byte[]> sales;
    private FoldedChanges changes;

    private PulseDriver(TopologyTestDriver driver) {
        this.driver = driver;
        this.followups = driver.createInputTopic(TOPICS.followups(), new StringSerializer(), new ByteArraySerializer());
        this.sales = driver.createInputTopic(TOPICS.sales(), new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * The service's topology with its validators' clock fixed at {@code validationNow}, which must be
     * after every event a test sends so that none is "in the future"; they allow a day of skew.
     */
    public static Topology topology(ZoneId zone, Instant validationNow, Duration multiRepWindow, StaleRules staleRules) {
        Clock clock = Clock.fixed(validationNow, ZoneOffset.UTC);
        return PulseTopology.build(TOPICS, zone, new FollowUpValidator(Pipeline.defaults(), clock, Duration.ofDays(1)),
                new SaleValidator(clock, Duration.ofDays(1)), multiRepWindow, staleRules);
    }

    /** The service's topology with its default multi-rep window and stale rules. */
    public static Topology topology(ZoneId zone, Instant validationNow) {
        return topology(zone, validationNow, PulseTopology.DEFAULT_MULTI_REP_WINDOW, StaleRules.defaults());
    }

    /**
     * @param applicationId the test's own, as is {@code stateDir}: stale local state silently doubles counts
     * @param wallClock     where the driver's mocked wall clock starts
     */
    public static PulseDriver start(Topology topology, String applicationId, Path stateDir, Instant wallClock) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        return new PulseDriver(new TopologyTestDriver(topology, props, wallClock));
    }

    public TopologyTestDriver driver() {
        return driver;
    }

    public TestInputTopic<String, byte[]> followups() {
        return followups;
    }

    public TestInputTopic<String, byte[]> sales() {
        return sales;
    }

    /** The records the topology refused, on pulse-errors. */
    public TestOutputTopic<String, PoisonRecord> errors() {
        return output(TOPICS.errors(), PoisonRecord.class);
    }

    /** The changes topic folded as the projector folds it; one reader, made on first use. */
    public FoldedChanges changes() {
        if (changes == null) {
            changes = new FoldedChanges(driver, TOPICS.changes());
        }
        return changes;
    }

    /** An output topic of JSON values, read into {@code type}. */
    public <V> TestOutputTopic<String, V> output(String topic, Class<V> type) {
        return driver.createOutputTopic(topic, new StringDeserializer(), JsonSerde.of(type).deserializer());
    }

    @Override
    public void close() {
        driver.close();
    }
}
