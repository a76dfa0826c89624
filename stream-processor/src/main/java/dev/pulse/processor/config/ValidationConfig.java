package dev.pulse.processor.config;

import dev.pulse.events.validation.FollowUpValidator;
import dev.pulse.events.validation.SaleValidator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The processor holds records to ingest's rules but the clock's: a record accepted by ingest must not
 * turn into poison here just because it is replayed later.
 */
@Configuration
class ValidationConfig {

    @Bean
    FollowUpValidator followUpValidator(PipelineProperties pipeline) {
        return FollowUpValidator.forRecorded(pipeline.pipeline());
    }

    @Bean
    SaleValidator saleValidator() {
        return SaleValidator.forRecorded();
    }
}
