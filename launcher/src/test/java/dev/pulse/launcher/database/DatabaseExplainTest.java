package dev.pulse.launcher.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** What ./pulse run --db says for each way PostgreSQL can refuse, by the SQLSTATE the driver reports. */
class DatabaseExplainTest {

    private static final DatabaseSettings SETTINGS = new DatabaseSettings("jdbc:postgresql://db:5432/pulse", "pulse", "pw");

    @Test
    void shouldNameTheCredentialsForARefusedPassword() {
        assertThat(Database.explain(new SQLException("FATAL: password authentication failed for user \"pulse\"", "28P01"), SETTINGS))
                .isEqualTo("PostgreSQL at jdbc:postgresql://db:5432/pulse refused user pulse (FATAL: password authentication"
                        + " failed for user \"pulse\"): check PULSE_DB_USER and PULSE_DB_PASSWORD.");
        assertThat(Database.explain(new SQLException("no pg_hba.conf entry", "28000"), SETTINGS))
                .endsWith("check PULSE_DB_USER and PULSE_DB_PASSWORD.");
    }

    @Test
    void shouldNameTheAddressWhenNothingAnswers() {
        assertThat(Database.explain(new SQLException("Connection to db:5432 refused.", "08001"), SETTINGS))
                .isEqualTo("Nothing answers at PostgreSQL at jdbc:postgresql://db:5432/pulse (Connection to db:5432 refused.):"
                        + " check the host and port in --db (or PULSE_DB_URL).");
    }
}
