package dev.pulse.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.events.kafka.KafkaClientSettings;
import dev.pulse.launcher.LaunchException;
import dev.pulse.launcher.broker.ExistingKafka;
import dev.pulse.launcher.database.Database;
import dev.pulse.launcher.database.DatabaseSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code ./pulse run --kafka --db}: the parts it is pointed at are used as they are, or refused in one
 * sentence. (The embedded PostgreSQL trusts local connections, so a refused password is tested on its
 * SQLSTATE in DatabaseExplainTest.)
 */
class ExistingPostgresIT {

    @Test
    void shouldUseARunningPostgresAndKafkaAsTheyAre() throws Exception {
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.get();
        DatabaseSettings settings = infrastructure.newDatabase("existing_ok");

        try (Database database = Database.existing(settings)) {
            assertThat(database.isEmbedded()).isFalse();
            assertThat(database.settings()).isEqualTo(settings);
        }
        assertThat(ExistingKafka.check(infrastructure.bootstrapServers(), KafkaClientSettings.none(), Duration.ofSeconds(20)))
                .isNotBlank();
    }

    @Test
    void shouldNameAMissingDatabase() {
        DatabaseSettings right = EmbeddedInfrastructure.get().newDatabase("existing_named");
        String missing = right.jdbcUrl().substring(0, right.jdbcUrl().lastIndexOf('/') + 1) + "no_such_database";

        assertThatThrownBy(() -> Database.existing(new DatabaseSettings(missing, right.user(), right.password())))
                .isInstanceOf(LaunchException.class)
                .hasMessageStartingWith("PostgreSQL at " + missing + " has no such database");
    }
}
