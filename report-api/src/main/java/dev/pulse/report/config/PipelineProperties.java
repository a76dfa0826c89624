package dev.pulse.report.config;

import dev.pulse.events.Pipeline;
import dev.pulse.events.Stage;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sales pipeline, from {@code pulse.pipeline.stages[i].code/order/name-zh/name-en/terminal}:
 * the same list in every service. Empty means the default pipeline of DESIGN.md.
 */
@ConfigurationProperties("pulse.pipeline")
public record PipelineProperties(List<Stage> stages) {

    @Configuration
    static class PipelineConfig {

        @Bean
        Pipeline pipeline(PipelineProperties properties) {
            return Pipeline.ofConfigured(properties.stages());
        }
    }
}
