package dev.pulse.launcher.e2e;

import dev.pulse.events.TopicNames;
import dev.pulse.launcher.Ports;
import dev.pulse.launcher.stack.PulseStack;
import dev.pulse.launcher.stack.StackSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The three services as child processes, with the arguments {@code PulseStack} gives the in-JVM
 * ones: stream processor, report API (projector, reports), ingest. Each on a port fixed once.
 */
final class ProcessStack implements AutoCloseable {

    final ServiceProcess processor;
    final ServiceProcess report;
    final ServiceProcess ingest;
    /** Opens every service's actuator. */
    final String adminToken;

    ProcessStack(StackSettings settings, Path logDir) {
        adminToken = settings.credentials().adminToken();
        processor = new ServiceProcess("stream-processor", ServiceProcess.execJar("stream-processor"), Ports.freePort(),
                withTopics(settings.topics(),
                        "--pulse.processor.bootstrap-servers=" + settings.kafkaBootstrap(),
                        "--pulse.processor.state-dir=" + settings.stateDir().toAbsolutePath(),
                        "--pulse.processor.application-id=" + settings.processorApplicationId(),
                        "--pulse.processor.zone=" + settings.zone(),
                        "--pulse.processor.stale-check-interval=" + settings.staleCheckInterval(),
                        "--pulse.processor.instance-id=processor-1",
                        // its health details are an admin's, as on the other services
                        "--pulse.security.admin-token=" + settings.credentials().adminToken()),
                logDir);
        report = new ServiceProcess("report-api", ServiceProcess.execJar("report-api"), Ports.freePort(),
                withTopics(settings.topics(),
                        "--pulse.projector.bootstrap-servers=" + settings.kafkaBootstrap(),
                        "--pulse.projector.group-id=" + settings.projectorGroup(),
                        "--pulse.projector.instance-id=projector-1",
                        "--pulse.report.zone=" + settings.zone(),
                        "--spring.datasource.url=" + settings.database().jdbcUrl(),
                        "--spring.datasource.username=" + settings.database().user(),
                        "--spring.datasource.password=" + settings.database().password(),
                        "--pulse.security.admin-token=" + settings.credentials().adminToken()),
                logDir);
        ingest = new ServiceProcess("ingest-service", ServiceProcess.execJar("ingest-service"), Ports.freePort(),
                withTopics(settings.topics(),
                        "--pulse.kafka.bootstrap-servers=" + settings.kafkaBootstrap(),
                        "--pulse.security.tokens[0].name=kill-test",
                        "--pulse.security.tokens[0].role=INGEST",
                        "--pulse.security.tokens[0].token=" + settings.credentials().ingestToken()),
                logDir);
    }

    ProcessStack startAll() {
        processor.start();
        report.start();
        ingest.start();
        return this;
    }

    private static List<String> withTopics(TopicNames topics, String... arguments) {
        return Stream.concat(Stream.of(arguments), PulseStack.topicArgs(topics)).toList();
    }

    @Override
    public void close() {
        ingest.close();
        report.close();
        processor.close();
    }
}
