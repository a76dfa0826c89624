package dev.pulse.launcher.e2e;

import dev.pulse.launcher.Ports;
import dev.pulse.launcher.stack.PulseStack;
import dev.pulse.launcher.stack.StackSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The services as child processes, with the arguments {@code PulseStack} gives the in-JVM ones:
 * stream processors, report APIs (projector, reports, webhook delivery) and one ingest, each on a
 * port fixed once. Several processors share one application id (each with its own state directory
 * and a standby replica of the others' state), several report APIs one database and projector group.
 */
final class ProcessStack implements AutoCloseable {

    final List<ServiceProcess> processors;
    final List<ServiceProcess> reports;
    final ServiceProcess ingest;
    /** The first of each kind. */
    final ServiceProcess processor;
    final ServiceProcess report;
    /** Opens every service's actuator. */
    final String adminToken;

    /** One instance of each service. */
    ProcessStack(StackSettings settings, Path logDir) {
        this(settings, logDir, 1, 1);
    }

    ProcessStack(StackSettings settings, Path logDir, int processorCount, int reportCount) {
        adminToken = settings.credentials().adminToken();
        processors = IntStream.rangeClosed(1, processorCount).mapToObj(n -> processor(settings, logDir, n, processorCount)).toList();
        reports = IntStream.rangeClosed(1, reportCount).mapToObj(n -> report(settings, logDir, n)).toList();
        processor = processors.getFirst();
        report = reports.getFirst();
        ingest = new ServiceProcess("ingest-service", ServiceProcess.execJar("ingest-service"), Ports.freePort(),
                arguments(settings,
                        "--pulse.kafka.bootstrap-servers=" + settings.kafkaBootstrap(),
                        "--pulse.security.tokens[0].name=kill-test",
                        "--pulse.security.tokens[0].role=INGEST",
                        "--pulse.security.tokens[0].token=" + settings.credentials().ingestToken()),
                logDir);
    }

    private static ServiceProcess processor(StackSettings settings, Path logDir, int n, int count) {
        Path stateDir = n == 1 ? settings.stateDir() : settings.stateDir().resolveSibling(settings.stateDir().getFileName() + "-" + n);
        return new ServiceProcess(name("stream-processor", n), ServiceProcess.execJar("stream-processor"), Ports.freePort(),
                arguments(settings,
                        "--pulse.processor.bootstrap-servers=" + settings.kafkaBootstrap(),
                        "--pulse.processor.state-dir=" + stateDir.toAbsolutePath(),
                        "--pulse.processor.application-id=" + settings.processorApplicationId(),
                        "--pulse.processor.zone=" + settings.zone(),
                        "--pulse.processor.stale-check-interval=" + settings.staleCheckInterval(),
                        "--pulse.processor.instance-id=processor-" + n,
                        // a warm copy of every other instance's state, so a survivor takes over at once
                        "--pulse.processor.standby-replicas=" + (count - 1),
                        // its health details are an admin's, as on the other services
                        "--pulse.security.admin-token=" + settings.credentials().adminToken()),
                logDir);
    }

    private static ServiceProcess report(StackSettings settings, Path logDir, int n) {
        return new ServiceProcess(name("report-api", n), ServiceProcess.execJar("report-api"), Ports.freePort(),
                arguments(settings,
                        "--pulse.projector.bootstrap-servers=" + settings.kafkaBootstrap(),
                        "--pulse.projector.group-id=" + settings.projectorGroup(),
                        "--pulse.projector.instance-id=projector-" + n,
                        "--pulse.report.zone=" + settings.zone(),
                        "--pulse.alerts.webhooks=" + String.join(",", settings.webhooks()),
                        "--spring.datasource.url=" + settings.database().jdbcUrl(),
                        "--spring.datasource.username=" + settings.database().user(),
                        "--spring.datasource.password=" + settings.database().password(),
                        "--pulse.security.admin-token=" + settings.credentials().adminToken()),
                logDir);
    }

    private static String name(String service, int n) {
        return n == 1 ? service : service + "-" + n;
    }

    /** Starts every service at once (each creates the missing topics; a topic made by another is fine). */
    ProcessStack startAll() {
        List<ServiceProcess> all = Stream.concat(Stream.concat(processors.stream(), reports.stream()), Stream.of(ingest)).toList();
        try (ExecutorService starts = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> started = new ArrayList<>();
            all.forEach(service -> started.add(starts.submit(service::start)));
            for (Future<?> start : started) {
                start.get();
            }
        } catch (ExecutionException e) {
            close(); // the caller's try-with-resources never gets the stack
            throw new IllegalStateException("a service did not start: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** The service's own arguments, then the shared topic names and the {@code pulse.kafka.*} settings. */
    private static List<String> arguments(StackSettings settings, String... arguments) {
        return Stream.of(Stream.of(arguments), PulseStack.topicArgs(settings.topics()),
                PulseStack.kafkaClientArgs(settings.kafkaClient())).flatMap(s -> s).toList();
    }

    @Override
    public void close() {
        ingest.close();
        reports.forEach(ServiceProcess::close);
        processors.forEach(ServiceProcess::close);
    }
}
