package dev.pulse.report;

import dev.pulse.events.TopicNames;
import dev.pulse.testsupport.TestPostgres;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a whole-service test class runs against: a real broker with topics of its own, a real
 * PostgreSQL with a fresh database, and the report API started on them, projecting those topics into
 * that database. Registered as a static {@code @RegisterExtension} field, it starts before the class's
 * {@code @BeforeAll} methods (which seed it) and is closed after its {@code @AfterAll} methods, in
 * reverse order of starting; what did start is closed even when a later part failed to.
 */
final class ReportStack implements BeforeAllCallback, AfterAllCallback {

    private final String name;
    private final String database;
    private final String[] settings;
    /** The class that started the stack; its {@code @Nested} classes inherit the extension and must not start another. */
    private Class<?> owner;
    /** What has started, the latest first: closing pops them in reverse order of starting. */
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private TestKafka kafka;
    private TestPostgres postgres;
    private TopicNames topics;
    private String jdbcUrl;
    private RunningReport report;
    private KafkaProducer<String, byte[]> producer;

    /**
     * @param name     the test's: its PostgreSQL's data directory, the suffix of its topics, the projector's consumer group
     * @param database the database the report API migrates and projects into
     * @param settings further {@code name=value} settings of the report API
     */
    ReportStack(String name, String database, String... settings) {
        this.name = name;
        this.database = database;
        this.settings = settings;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (owner != null) {
            return;
        }
        owner = context.getRequiredTestClass();
        try {
            kafka = started(TestKafka.start());
            postgres = started(TestPostgres.start(name));
            topics = kafka.topics("-" + name);
            jdbcUrl = postgres.createDatabase(database);
            List<String> all = new ArrayList<>(List.of(TestKafka.topicSettings(topics)));
            all.addAll(List.of(settings));
            report = started(RunningReport.start(jdbcUrl, kafka.bootstrapServers(), name, all.toArray(String[]::new)));
        } catch (RuntimeException | Error e) {
            try {
                close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (context.getRequiredTestClass() == owner) {
            close();
        }
    }

    private <T extends AutoCloseable> T started(T part) {
        started.push(part);
        return part;
    }

    private void close() throws Exception {
        while (!started.isEmpty()) {
            started.pop().close();
        }
    }

    TestKafka kafka() {
        return kafka;
    }

    TestPostgres postgres() {
        return postgres;
    }

    /** The topics the report API reads, named after the test. */
    TopicNames topics() {
        return topics;
    }

    /** The report API's database, for seeding and reading back with plain SQL. */
    String jdbcUrl() {
        return jdbcUrl;
    }

    RunningReport report() {
        return report;
    }

    /** A plain producer to the broker, made on first use and closed with the stack. */
    synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = started(kafka.producer());
        }
        return producer;
    }
}
