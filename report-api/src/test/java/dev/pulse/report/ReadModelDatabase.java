package dev.pulse.report;

import dev.pulse.testsupport.TestPostgres;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * For repository slice tests ({@link ReadModelSlice}): one real PostgreSQL for the JVM, and for
 * each test context a fresh database migrated by Flyway as the report API migrates its own
 * (report-api's and security's {@code db/migration}), handed to the slice as its datasource.
 */
public final class ReadModelDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static TestPostgres server;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = migrated("read_model_" + DATABASES.incrementAndGet());
        TestPropertyValues.of(
                "spring.datasource.url=" + url,
                "spring.datasource.username=" + TestPostgres.USER,
                "spring.datasource.password=" + TestPostgres.PASSWORD,
                "spring.jooq.sql-dialect=postgres").applyTo(context);
    }

    private static synchronized String migrated(String name) {
        if (server == null) {
            server = TestPostgres.start("slices");
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        String url = server.createDatabase(name);
        Flyway.configure().dataSource(url, TestPostgres.USER, TestPostgres.PASSWORD).load().migrate();
        return url;
    }
}
