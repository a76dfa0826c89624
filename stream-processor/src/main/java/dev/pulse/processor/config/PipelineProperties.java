package dev.pulse.processor.config;

import dev.pulse.events.Pipeline;
import dev.pulse.events.Stage;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sales pipeline, from {@code pulse.pipeline.stages[i].code/order/name-zh/name-en/terminal}:
 * the same list in every service. Empty means the default pipeline of DESIGN.md.
 */
@ConfigurationProperties("pulse.pipeline")
public record PipelineProperties(List<Stage> stages) {

    public Pipeline pipeline() {
        return Pipeline.ofConfigured(stages);
    }
}
