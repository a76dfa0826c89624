package dev.pulse.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.launcher.broker.KafkaBroker;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees when ./pulse run cannot start: one sentence that names the problem and the way out. */
class LaunchFailuresTest {

    @TempDir
    Path tmp;

    @Test
    void shouldNameAPortThatIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> Ports.requireFree(taken.getLocalPort(), "ingest API"))
                    .isInstanceOf(LaunchException.class)
                    .hasMessage("Port " + taken.getLocalPort() + " (ingest API) is already taken: stop whatever listens"
                            + " there, or stop the other Pulse that is running.");
        }
    }

    @Test
    void shouldRefuseADataDirectoryThatIsAFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        assertThatThrownBy(() -> PulseLauncher.prepare(file))
                .isInstanceOf(LaunchException.class)
                .hasMessageStartingWith("The data directory " + file + " is not a writable directory")
                .hasMessageEndingWith("pass another one with --data-dir.");
    }

    @Test
    void shouldRefuseDamagedKafkaData() throws IOException {
        Path logDir = Files.createDirectories(tmp.resolve("kafka"));
        Files.writeString(logDir.resolve("meta.properties"), "version=1\nnode.id=7\ncluster.id=garbage\n");
        KafkaBroker broker = new KafkaBroker(logDir, Ports.freePort(), Ports.freePort());
        try {
            assertThatThrownBy(broker::start)
                    .isInstanceOf(LaunchException.class)
                    .hasMessageStartingWith("The Kafka data in " + logDir + " cannot be used")
                    .hasMessageEndingWith("move that directory aside or choose another --data-dir.");
        } finally {
            broker.close();
        }
    }

    @Test
    void shouldExplainAnUnknownOption() {
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"run", "--demo-off"}))
                .isInstanceOf(LaunchException.class)
                .hasMessage("Unknown option '--demo-off'. " + LaunchOptions.USAGE);
    }

    @Test
    void shouldReadDataDirAndDemoSwitch() {
        LaunchOptions options = LaunchOptions.parse(new String[] {"run", "--no-demo", "--data-dir", tmp.toString()});
        assertThat(options.demo()).isFalse();
        assertThat(options.dataDir()).isEqualTo(tmp.toAbsolutePath().normalize());
        assertThat(options.webhooks()).isEmpty();
    }

    @Test
    void shouldCollectRepeatedWebhooksAndRefuseOneThatIsNoUrl() {
        LaunchOptions options = LaunchOptions.parse(new String[] {"run", "--webhook", "http://localhost:9000/hook",
                "--webhook", "wecom=https://qyapi.example/send?key=k"});
        assertThat(options.webhooks()).containsExactly("http://localhost:9000/hook", "wecom=https://qyapi.example/send?key=k");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"run", "--webhook", "ftp://x"}))
                .isInstanceOf(LaunchException.class)
                .hasMessageStartingWith("--webhook needs an http(s) URL");
    }

    @Test
    void shouldShiftEveryPortByTheOffsetAndRefuseOneThatIsNoNumber() {
        assertThat(LaunchOptions.parse(new String[] {"run"}).portsOffset()).isZero();
        assertThat(LaunchOptions.parse(new String[] {"run", "--ports-offset", "20000"}).portsOffset()).isEqualTo(20000);
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"run", "--ports-offset", "-5"}))
                .isInstanceOf(LaunchException.class)
                .hasMessage("--ports-offset needs a number from 0 to 50000. " + LaunchOptions.USAGE);
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"run", "--ports-offset", "60000"}))
                .isInstanceOf(LaunchException.class)
                .hasMessageStartingWith("--ports-offset needs a number");
    }

    @Test
    void shouldUseAnExistingKafkaAndPostgresWhenNamed() {
        LaunchOptions options = LaunchOptions.parse(new String[] {"run", "--kafka", "kafka-1:9093,kafka-2:9093",
                "--db", "jdbc:postgresql://db.internal:5432/pulse"});
        assertThat(options.kafka()).isEqualTo("kafka-1:9093,kafka-2:9093");
        assertThat(options.db()).isEqualTo("jdbc:postgresql://db.internal:5432/pulse");
        assertThat(LaunchOptions.parse(new String[] {"run"}).kafka()).as("no flag, no variable: the embedded broker").isNull();
        assertThat(LaunchOptions.parse(new String[] {"run"}, java.util.Map.of("KAFKA_BOOTSTRAP_SERVERS", "k:9092")).kafka())
                .isEqualTo("k:9092");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"run", "--kafka", "http://k:9092"}))
                .isInstanceOf(LaunchException.class)
                .hasMessageStartingWith("--kafka needs the cluster's bootstrap servers, HOST:PORT[,HOST:PORT...].");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"run", "--db", "postgres://x/pulse"}))
                .isInstanceOf(LaunchException.class)
                .hasMessageStartingWith("--db needs a JDBC URL, jdbc:postgresql://HOST:PORT/DATABASE");
    }

    @Test
    void shouldSayInOneSentenceThatNoKafkaAnswers() {
        int nobody = Ports.freePort();
        assertThatThrownBy(() -> dev.pulse.launcher.broker.ExistingKafka.check("localhost:" + nobody,
                dev.pulse.events.kafka.KafkaClientSettings.none(), java.time.Duration.ofSeconds(3)))
                .isInstanceOf(LaunchException.class)
                .hasMessageStartingWith("Kafka at localhost:" + nobody + " did not answer in time: check KAFKA_BOOTSTRAP_SERVERS")
                .hasMessageNotContaining("\n");
    }

    @Test
    void shouldSayInOneSentenceThatNoPostgresAnswers() {
        int nobody = Ports.freePort();
        String url = "jdbc:postgresql://localhost:" + nobody + "/pulse";
        assertThatThrownBy(() -> dev.pulse.launcher.database.Database.existing(
                new dev.pulse.launcher.database.DatabaseSettings(url, "pulse", "pulse")))
                .isInstanceOf(LaunchException.class)
                .hasMessageStartingWith("Nothing answers at PostgreSQL at " + url)
                .hasMessageEndingWith("check the host and port in --db (or PULSE_DB_URL).");
    }
}
