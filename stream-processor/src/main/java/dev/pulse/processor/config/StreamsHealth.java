package dev.pulse.processor.config;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** UP while the topology runs or rebalances; DOWN once it has failed or stopped. */
@Component("kafkaStreams")
class StreamsHealth implements HealthIndicator {

    private final StreamsRunner runner;

    StreamsHealth(StreamsRunner runner) {
        this.runner = runner;
    }

    @Override
    public Health health() {
        KafkaStreams.State state = runner.state();
        Health.Builder builder = switch (state) {
            case RUNNING, REBALANCING -> Health.up();
            case CREATED -> Health.unknown();
            default -> Health.down();
        };
        return builder.withDetail("state", state.name()).build();
    }
}
