package dev.pulse.ingest.config;

import dev.pulse.events.validation.FollowUpValidator;
import dev.pulse.events.validation.SaleValidator;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ValidationConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    FollowUpValidator followUpValidator(IngestProperties properties, PipelineProperties pipeline, Clock clock) {
        return new FollowUpValidator(pipeline.pipeline(), clock, properties.allowedClockSkew());
    }

    @Bean
    SaleValidator saleValidator(IngestProperties properties, Clock clock) {
        return new SaleValidator(clock, properties.allowedClockSkew());
    }
}
