package dev.pulse.processor.config;

import dev.pulse.events.validation.FollowUpValidator;
import dev.pulse.events.validation.SaleValidator;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The processor holds records to ingest's rules, with a generous clock skew: a record accepted by
 * ingest must not turn into poison here just because it is replayed later.
 */
@Configuration
class ValidationConfig {

    private static final Duration REPLAY_SKEW = Duration.ofDays(1);

    @Bean
    FollowUpValidator followUpValidator(PipelineProperties pipeline) {
        return new FollowUpValidator(pipeline.pipeline(), Clock.systemUTC(), REPLAY_SKEW);
    }

    @Bean
    SaleValidator saleValidator() {
        return new SaleValidator(Clock.systemUTC(), REPLAY_SKEW);
    }
}
