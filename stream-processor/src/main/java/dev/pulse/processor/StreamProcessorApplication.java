package dev.pulse.processor;

import dev.pulse.events.kafka.KafkaClientConfig;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** Runs the Kafka Streams topologies; serves health and metrics on port 8082. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(KafkaClientConfig.class)
public class StreamProcessorApplication {

    public static final String CONFIG_NAME = "processor";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(StreamProcessorApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
