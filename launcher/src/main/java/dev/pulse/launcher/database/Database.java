package dev.pulse.launcher.database;

import dev.pulse.launcher.LaunchException;
import dev.pulse.launcher.Ports;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * PostgreSQL for Pulse: the server that answers on the configured JDBC URL with the configured
 * credentials, or else a real PostgreSQL started from Maven Central binaries (zonky) on that URL's
 * port, its data kept under the data directory so a restart keeps every row.
 */
public final class Database implements AutoCloseable {

    private final DatabaseSettings settings;
    private final EmbeddedPostgres embedded;

    private Database(DatabaseSettings settings, EmbeddedPostgres embedded) {
        this.settings = settings;
        this.embedded = embedded;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** Uses the configured server when it answers, otherwise starts the embedded one on the URL's port. */
    public static Database locateOrStart(DatabaseSettings configured, Path dataDir) {
        if (canConnect(configured)) {
            return new Database(configured, null);
        }
        int port = portOf(configured.jdbcUrl());
        if (!Ports.isFree(port)) {
            throw new LaunchException("Something listens on port " + port + " but does not accept "
                    + configured.user() + "@" + configured.jdbcUrl() + ": set PULSE_DB_URL, PULSE_DB_USER and"
                    + " PULSE_DB_PASSWORD for that server, or free the port for the embedded PostgreSQL.");
        }
        return startEmbedded(configured, dataDir, port);
    }

    /**
     * The PostgreSQL at the configured URL and nothing else ({@code ./pulse run --db}): one that does not
     * answer or refuses the credentials ends the run with a sentence saying which.
     */
    public static Database existing(DatabaseSettings configured) {
        Properties props = new Properties();
        props.put("user", configured.user());
        props.put("password", configured.password());
        props.put("connectTimeout", "5");
        try (Connection ignored = DriverManager.getConnection(configured.jdbcUrl(), props)) {
            return new Database(configured, null);
        } catch (SQLException e) {
            throw new LaunchException(explain(e, configured), e);
        }
    }

    /** One sentence for a failed connection, by its SQLSTATE (PostgreSQL's class 28 is authentication, 08 connection). */
    static String explain(SQLException e, DatabaseSettings settings) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = "PostgreSQL at " + settings.jdbcUrl();
        if (state.startsWith("28")) {
            return where + " refused user " + settings.user() + " (" + e.getMessage() + "): check PULSE_DB_USER and PULSE_DB_PASSWORD.";
        }
        if (state.equals("3D000")) {
            return where + " has no such database (" + e.getMessage() + "): create it, owned by " + settings.user()
                    + ", or fix the name in --db.";
        }
        if (state.startsWith("08")) {
            return "Nothing answers at " + where + " (" + e.getMessage() + "): check the host and port in --db (or PULSE_DB_URL).";
        }
        return where + " cannot be used: " + e.getMessage();
    }

    public static Database startEmbedded(DatabaseSettings configured, Path dataDir, int port) {
        Path pgData = dataDir.resolve("postgres");
        Path binaries = dataDir.resolve("postgres-binaries");
        EmbeddedPostgres postgres;
        try {
            Files.createDirectories(binaries);
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setServerConfig("max_connections", "60")
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new LaunchException("The embedded PostgreSQL could not start on port " + port + " with data in "
                    + pgData + " (" + e.getMessage() + "): move that directory aside or choose another --data-dir.", e);
        }
        String database = databaseOf(configured.jdbcUrl());
        try {
            createRoleAndDatabase(postgres.getPostgresDatabase(), configured.user(), configured.password(), database);
        } catch (SQLException e) {
            closeQuietly(postgres);
            throw new LaunchException("The embedded PostgreSQL started but the " + database + " database could not be"
                    + " created: " + e.getMessage(), e);
        }
        return new Database(new DatabaseSettings("jdbc:postgresql://localhost:" + port + "/" + database,
                configured.user(), configured.password()), postgres);
    }

    private static void createRoleAndDatabase(DataSource admin, String user, String password, String database)
            throws SQLException {
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            boolean roleExists = statement.executeQuery("select 1 from pg_roles where rolname = '"
                    + user.replace("'", "''") + "'").next();
            if (!roleExists) {
                statement.execute("create role \"" + user.replace("\"", "") + "\" login password '"
                        + password.replace("'", "''") + "'");
            }
            boolean databaseExists = statement.executeQuery("select 1 from pg_database where datname = '"
                    + database.replace("'", "''") + "'").next();
            if (!databaseExists) {
                statement.execute("create database \"" + database.replace("\"", "") + "\" owner \""
                        + user.replace("\"", "") + "\" encoding 'UTF8' template template0");
            }
        }
    }

    /** Creates another database owned by the Pulse user on the embedded server (tests give each scenario its own). */
    public DatabaseSettings createDatabase(String name) {
        if (embedded == null) {
            throw new IllegalStateException("only the embedded server is Pulse's to add databases to");
        }
        try (Connection connection = embedded.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database \"" + name.replace("\"", "") + "\" owner \""
                    + settings.user().replace("\"", "") + "\" encoding 'UTF8' template template0");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return new DatabaseSettings(settings.jdbcUrl().substring(0, settings.jdbcUrl().lastIndexOf('/') + 1) + name,
                settings.user(), settings.password());
    }

    static boolean canConnect(DatabaseSettings settings) {
        if (!Ports.answers(hostOf(settings.jdbcUrl()), portOf(settings.jdbcUrl()))) {
            return false;
        }
        Properties props = new Properties();
        props.put("user", settings.user());
        props.put("password", settings.password());
        props.put("connectTimeout", "3");
        try (Connection ignored = DriverManager.getConnection(settings.jdbcUrl(), props)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static URI uriOf(String jdbcUrl) {
        return URI.create(jdbcUrl.substring("jdbc:".length()));
    }

    static String hostOf(String jdbcUrl) {
        return uriOf(jdbcUrl).getHost();
    }

    static int portOf(String jdbcUrl) {
        int port = uriOf(jdbcUrl).getPort();
        return port == -1 ? 5432 : port;
    }

    static String databaseOf(String jdbcUrl) {
        return uriOf(jdbcUrl).getPath().substring(1);
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            // already failing; the first error is the one reported
        }
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
