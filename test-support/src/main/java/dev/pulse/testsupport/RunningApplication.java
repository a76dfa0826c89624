package dev.pulse.testsupport;

import java.net.URI;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot service started in the test's JVM on a random port ({@code server.port=0}), to be
 * spoken to over real HTTP as a client would, through {@link TestHttp}.
 *
 * @param base where the service listens, {@code http://localhost:<port>}
 */
public record RunningApplication(ConfigurableApplicationContext context, URI base) implements AutoCloseable {

    /** The service {@code context} started, reached on the port it took. */
    public static RunningApplication of(ConfigurableApplicationContext context) {
        return new RunningApplication(context,
                URI.create("http://localhost:" + context.getEnvironment().getProperty("local.server.port")));
    }

    public URI uri(String path) {
        return base.resolve(path);
    }

    @Override
    public void close() {
        context.close();
    }
}
