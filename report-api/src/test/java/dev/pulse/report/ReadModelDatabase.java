package dev.pulse.report;

import dev.pulse.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * For repository slice tests: one real PostgreSQL for the JVM, and for each test class a fresh
 * database migrated by Flyway as the report API migrates its own (report-api's and security's
 * {@code db/migration}), handed to the slice as its datasource.
 */
public final class ReadModelDatabase {

    private static TestPostgres server;

    private ReadModelDatabase() {
    }

    /** Creates and migrates database {@code name} and points {@code spring.datasource.*} at it. */
    public static void register(DynamicPropertyRegistry registry, String name) {
        String url = migrated(name);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> TestPostgres.USER);
        registry.add("spring.datasource.password", () -> TestPostgres.PASSWORD);
        registry.add("spring.jooq.sql-dialect", () -> "postgres");
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
