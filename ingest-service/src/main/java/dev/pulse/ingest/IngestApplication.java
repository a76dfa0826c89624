package dev.pulse.ingest;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Accepts follow-ups and sales over HTTP and writes them to Kafka, all or nothing. Port 8081. */
// No DataSource of Boot's: the only database ingest reads is the token table (IngestSecurity).
// No users either: callers are tokens, so Boot must not invent a user with a generated password.
@SpringBootApplication(excludeName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"})
@ConfigurationPropertiesScan
public class IngestApplication {

    /** Each service reads its own {@code <name>.yml}, so all three can share one JVM in the launcher. */
    public static final String CONFIG_NAME = "ingest";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(IngestApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
