package dev.pulse.report;

import dev.pulse.events.kafka.KafkaClientConfig;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** Projects Kafka into PostgreSQL and serves reports, live updates and the dashboards. Port 8080. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(KafkaClientConfig.class)
public class ReportApplication {

    public static final String CONFIG_NAME = "report";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ReportApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
