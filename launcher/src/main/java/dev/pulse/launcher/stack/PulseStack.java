package dev.pulse.launcher.stack;

import dev.pulse.ingest.IngestApplication;
import dev.pulse.processor.StreamProcessorApplication;
import dev.pulse.report.ReportApplication;
import java.util.ArrayList;
import dev.pulse.events.TopicNames;
import dev.pulse.events.kafka.KafkaClientSettings;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The three Pulse services in one JVM, each in its own Spring context with its own config file
 * and port: stream processor, report API (projector, reports, dashboards), then ingest. Any one of
 * them can be stopped and started again on its own, which is how the restart tests crash it.
 */
public final class PulseStack implements AutoCloseable {

    /**
     * Auto-configurations that only report-api wants; the launcher's classpath holds them all. Sessions
     * too: ingest's token pool is a DataSource, but ingest keeps no sessions.
     */
    private static final String NO_DATABASE = "--spring.autoconfigure.exclude="
            + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
            + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
            + "org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration,"
            + "org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration";

    private final StackSettings settings;
    private ConfigurableApplicationContext processor;
    private ConfigurableApplicationContext report;
    private ConfigurableApplicationContext ingest;

    private final List<String> extraArgs = new ArrayList<>();

    public PulseStack(StackSettings settings) {
        this.settings = settings;
    }

    /**
     * Settings for every service beyond {@link StackSettings}, as {@code --property=value} (a test's
     * short ladder, a claim limit); a service ignores the properties it does not read. Before start.
     */
    public PulseStack with(String... args) {
        extraArgs.addAll(List.of(args));
        return this;
    }

    public PulseStack startAll() {
        startProcessor();
        startReport();
        startIngest();
        return this;
    }

    public void startProcessor() {
        // the launcher's admin token opens the processor's actuator too (its health details, metrics)
        processor = run(StreamProcessorApplication.builder(), Stream.concat(securityArgs(), Stream.of(NO_DATABASE,
                "--server.port=" + settings.processorPort(),
                "--pulse.processor.bootstrap-servers=" + settings.kafkaBootstrap(),
                "--pulse.processor.state-dir=" + settings.stateDir().toAbsolutePath(),
                "--pulse.processor.application-id=" + settings.processorApplicationId(),
                "--pulse.processor.zone=" + settings.zone(),
                "--pulse.processor.stale-check-interval=" + settings.staleCheckInterval()))
                .toArray(String[]::new));
    }

    public void startReport() {
        startReport(new String[0]);
    }

    /** report-api with {@code extraArguments} after the usual ones, e.g. a test's {@code --pulse.projector.max-poll-records=100}. */
    public void startReport(String... extraArguments) {
        report = run(ReportApplication.builder(), Stream.of(securityArgs(), Stream.of(
                "--server.port=" + settings.reportPort(),
                "--pulse.projector.bootstrap-servers=" + settings.kafkaBootstrap(),
                "--pulse.projector.group-id=" + settings.projectorGroup(),
                "--pulse.report.zone=" + settings.zone(),
                "--spring.datasource.url=" + settings.database().jdbcUrl(),
                "--spring.datasource.username=" + settings.database().user(),
                "--spring.datasource.password=" + settings.database().password(),
                "--pulse.alerts.webhooks=" + String.join(",", settings.webhooks()),
                "--pulse.security.admin-password=" + Objects.requireNonNullElse(settings.credentials().adminPassword(), ""),
                // the upload page posts through ingest with the launcher's own INGEST token
                "--pulse.import.ingest-url=" + ingestUrl(ingest != null ? ingestPort() : settings.ingestPort()),
                "--pulse.import.ingest-token=" + settings.credentials().ingestToken()), Stream.of(extraArguments))
                .flatMap(arguments -> arguments).toArray(String[]::new));
    }

    public void startIngest() {
        ingest = run(IngestApplication.builder(), Stream.concat(securityArgs(), Stream.of(NO_DATABASE,
                "--server.port=" + settings.ingestPort(),
                "--pulse.kafka.bootstrap-servers=" + settings.kafkaBootstrap(),
                "--pulse.ingest.zone=" + settings.zone(),
                // ingest reads the tokens an admin issues from report-api's database
                "--pulse.security.token-database.url=" + settings.database().jdbcUrl(),
                "--pulse.security.token-database.username=" + settings.database().user(),
                "--pulse.security.token-database.password=" + settings.database().password()))
                .toArray(String[]::new));
        if (report != null) {
            // The upload page posts to ingest; on a free port its address is only known now.
            report.getEnvironment().getPropertySources().addFirst(new MapPropertySource("pulse-ingest",
                    Map.of("pulse.import.ingest-url", ingestUrl(ingestPort()))));
        }
    }

    private static String ingestUrl(int port) {
        return "http://localhost:" + (port == 0 ? 8081 : port);
    }

    /** The configured tokens every service accepts: the admin's, the launcher's own ingest client's, a scraper's. */
    private Stream<String> securityArgs() {
        StackCredentials credentials = settings.credentials();
        return Stream.concat(Stream.of(
                "--pulse.security.admin-token=" + credentials.adminToken(),
                "--pulse.security.tokens[0].name=launcher-ingest",
                "--pulse.security.tokens[0].role=INGEST",
                "--pulse.security.tokens[0].token=" + credentials.ingestToken()),
                Stream.ofNullable(credentials.metricsToken()).map(token -> "--pulse.security.metrics-token=" + token));
    }

    public StackSettings settings() {
        return settings;
    }

    private ConfigurableApplicationContext run(SpringApplicationBuilder builder, String... args) {
        // The launcher closes the services itself, in order, before the broker and database go.
        return builder.registerShutdownHook(false).properties("spring.main.banner-mode=off")
                .run(Stream.of(Stream.of(args), topicArgs(), extraArgs.stream()).flatMap(arg -> arg)
                        .toArray(String[]::new));
    }

    /** The topic names and the Kafka client settings, under {@code pulse.kafka.*}, which every service reads. */
    private Stream<String> topicArgs() {
        return Stream.concat(topicArgs(settings.topics()), kafkaClientArgs(settings.kafkaClient()));
    }

    /**
     * The Kafka client settings as {@code pulse.kafka.*} arguments, which every service reads. Only what
     * is set is passed: an argument would hide the same {@code PULSE_KAFKA_*} variable of the environment.
     */
    public static Stream<String> kafkaClientArgs(KafkaClientSettings kafka) {
        Stream<String> client = kafka.client().entrySet().stream()
                .map(entry -> "--pulse.kafka.client." + entry.getKey() + "=" + entry.getValue());
        Stream<String> replication = Stream.concat(
                kafka.replication().stream().map(factor -> "--pulse.kafka.replication-factor=" + factor),
                Stream.ofNullable(kafka.minInsyncReplicas()).map(min -> "--pulse.kafka.min-insync-replicas=" + min));
        return Stream.concat(client, replication);
    }

    /** The topic names as command-line arguments under {@code pulse.kafka.topics}, the one prefix every service reads. */
    public static Stream<String> topicArgs(TopicNames topics) {
        String prefix = "pulse.kafka.topics";
        return Stream.of(
                "--" + prefix + ".followups=" + topics.followups(),
                "--" + prefix + ".sales=" + topics.sales(),
                "--" + prefix + ".errors=" + topics.errors(),
                "--" + prefix + ".changes=" + topics.changes(),
                "--" + prefix + ".duplicate-flags=" + topics.duplicateFlags(),
                "--" + prefix + ".alerts=" + topics.alerts(),
                "--" + prefix + ".partitions=" + topics.partitions());
    }

    public void stopProcessor() {
        processor = close(processor);
    }

    public void stopReport() {
        report = close(report);
    }

    public void stopIngest() {
        ingest = close(ingest);
    }

    public int ingestPort() {
        return portOf(ingest);
    }

    public int reportPort() {
        return portOf(report);
    }

    public int processorPort() {
        return portOf(processor);
    }

    public ConfigurableApplicationContext reportContext() {
        return report;
    }

    private static int portOf(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static ConfigurableApplicationContext close(ConfigurableApplicationContext context) {
        if (context != null) {
            context.close();
        }
        return null;
    }

    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (Runnable stop : List.<Runnable>of(this::stopIngest, this::stopReport, this::stopProcessor)) {
            try {
                stop.run();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.getFirst();
        }
    }
}
