package dev.pulse.ingest;

import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * What an ingest test class runs against: one real KRaft broker holding the followups and sales
 * topics, and the ingest service started on it. Registered as a static {@code @RegisterExtension}
 * field, it starts before the class's {@code @BeforeAll} methods and is stopped, service first, after
 * its {@code @AfterAll} methods; what did start is stopped even when a later part failed to.
 */
final class IngestStack implements BeforeAllCallback, AfterAllCallback {

    /** The topics the broker holds, by their default names, as ingest writes them. */
    static final String FOLLOWUPS = "followups";
    static final String SALES = "sales";

    private final int partitions;
    private final String[] settings;
    /** The class that started the stack; its {@code @Nested} classes inherit the extension and must not start another. */
    private Class<?> owner;
    private EmbeddedKafkaKraftBroker broker;
    private RunningIngest ingest;

    /**
     * @param partitions of each of the two topics
     * @param settings   further {@code name=value} settings of the service
     */
    IngestStack(int partitions, String... settings) {
        this.partitions = partitions;
        this.settings = settings;
    }

    /** A broker with the followups and sales topics, ready for ingest's transactions. */
    static EmbeddedKafkaKraftBroker startBroker(int partitions) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions, FOLLOWUPS, SALES);
        // Ingest writes in transactions; one broker cannot hold the default three replicas of their log.
        broker.brokerProperty("transaction.state.log.replication.factor", "1");
        broker.brokerProperty("transaction.state.log.min.isr", "1");
        broker.afterPropertiesSet();
        return broker;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (owner != null) {
            return;
        }
        owner = context.getRequiredTestClass();
        broker = startBroker(partitions);
        try {
            ingest = RunningIngest.start(Stream.concat(Stream.of("pulse.kafka.bootstrap-servers=" + bootstrapServers()),
                    Stream.of(settings)).toArray(String[]::new));
        } catch (RuntimeException | Error e) {
            broker.destroy();
            broker = null;
            throw e;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getRequiredTestClass() != owner) {
            return;
        }
        try {
            if (ingest != null) {
                ingest.close();
            }
        } finally {
            if (broker != null) {
                broker.destroy();
            }
        }
    }

    String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    RunningIngest ingest() {
        return ingest;
    }
}
