package dev.pulse.ingest;

import static dev.pulse.ingest.IngestStack.FOLLOWUPS;
import static dev.pulse.ingest.RunningIngest.contentType;
import static dev.pulse.ingest.RunningIngest.json;
import static dev.pulse.ingest.Samples.followUp;
import static dev.pulse.ingest.Samples.newCustomerId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.testsupport.PortForwarder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ingest started while no broker listens on its configured address: it must start, keep its
 * health endpoint up, answer 503 within seconds and report nothing as accepted. The last test
 * brings Kafka back on that address and expects ingest to accept again without a restart, so it
 * runs after the tests that need Kafka down.
 */
@TestMethodOrder(OrderAnnotation.class)
class KafkaDownIT {

    private static final Duration ANSWER_BOUND = Duration.ofSeconds(10);

    private static int kafkaPort;
    private static RunningIngest ingest;
    private static EmbeddedKafkaKraftBroker broker;
    private static PortForwarder kafkaIsBack;

    @BeforeAll
    static void startServiceWithoutKafka() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            kafkaPort = socket.getLocalPort();
        }
        ingest = RunningIngest.start(
                "pulse.kafka.bootstrap-servers=localhost:" + kafkaPort,
                "pulse.ingest.kafka-timeout=2s");
    }

    @AfterAll
    static void stopEverything() throws IOException {
        // the service first, then the forwarder; try-with-resources skips one that never started (null)
        try (PortForwarder forwarder = kafkaIsBack; RunningIngest service = ingest) {
            // closed in reverse order of declaration
        } finally {
            if (broker != null) {
                broker.destroy();
            }
        }
    }

    @Test
    @Order(1)
    void shouldAnswer503WithinTenSecondsAndAcceptNothingWhileKafkaIsUnreachable() {
        // twice: a producer that failed is replaced, and its replacement must fail just as fast
        for (int attempt = 1; attempt <= 2; attempt++) {
            // when
            long start = System.nanoTime();
            HttpResponse<String> response = ingest.post("/api/v1/followups", "application/json",
                    followUp(newCustomerId()).toString());
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            // then
            assertThat(response.statusCode()).as("attempt %d: %s", attempt, response.body()).isEqualTo(503);
            assertThat(contentType(response)).startsWith("application/problem+json");
            JsonNode problem = json(response);
            assertThat(problem.get("status").asInt()).isEqualTo(503);
            assertThat(problem.has("accepted")).isFalse();
            assertThat(problem.has("eventIds")).isFalse();
            assertThat(took).as("attempt %d", attempt).isLessThan(ANSWER_BOUND);
        }
    }

    @Test
    @Order(1)
    void shouldStillAnswerHealthWhileKafkaIsUnreachable() {
        // when
        HttpResponse<String> response = ingest.get("/actuator/health");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("status").asString()).isEqualTo("UP");
    }

    @Test
    @Order(2)
    void shouldAcceptAgainWithoutRestartOnceKafkaIsReachable() throws IOException {
        // given Kafka comes up where ingest was told to find it
        broker = IngestStack.startBroker(3);
        String[] hostAndPort = broker.getBrokersAsString().split(",")[0].split(":");
        kafkaIsBack = new PortForwarder(kafkaPort,
                InetSocketAddress.createUnresolved(hostAndPort[0], Integer.parseInt(hostAndPort[1])));
        UUID eventId = UUID.randomUUID();
        ObjectNode record = followUp(newCustomerId()).put("eventId", eventId.toString());

        // when the client retries with the same eventId, as the 503 told it to
        HttpResponse<String> accepted = await("202 once Kafka is reachable again")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> ingest.post("/api/v1/followups", "application/json", record.toString()),
                        response -> response.statusCode() != 503);

        // then
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(json(accepted).get("eventIds").get(0).asString()).isEqualTo(eventId.toString());
        CommittedRecords.readUntil(broker.getBrokersAsString(), FOLLOWUPS,
                records -> records.stream().anyMatch(r -> r.value().contains(eventId.toString())),
                ANSWER_BOUND);
    }
}
