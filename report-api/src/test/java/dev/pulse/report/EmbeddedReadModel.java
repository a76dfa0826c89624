package dev.pulse.report;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An embedded PostgreSQL for the tests that call the read model's classes without the application
 * (its binaries kept under {@code target/it-postgres}), whose databases are migrated by the
 * application's own Flyway scripts. Registered as a static {@code @RegisterExtension} field, it starts
 * before the class's {@code @BeforeAll} methods and stops after its {@code @AfterAll} methods.
 */
public final class EmbeddedReadModel implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedPostgres postgres;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Path binaries = Path.of("target", "it-postgres", "binaries").toAbsolutePath();
        Files.createDirectories(binaries);
        postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(binaries.toFile()).start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        postgres.close();
    }

    /** The server's own {@code postgres} database, migrated. */
    public DataSource migrated() {
        return migrate(postgres.getPostgresDatabase());
    }

    /** A new database on the server, migrated: for a test that needs one nobody else wrote to. */
    public DataSource migrated(String name) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
        return migrate(postgres.getDatabase("postgres", name));
    }

    private static DataSource migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }
}
