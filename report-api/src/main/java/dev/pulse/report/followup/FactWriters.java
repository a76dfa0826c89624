package dev.pulse.report.followup;

import dev.pulse.events.Pipeline;
import dev.pulse.events.PulseTopics;
import dev.pulse.report.projector.TopicWriter;
import java.util.List;
import org.springframework.stereotype.Component;

/** Projects the follow-up and sale topics into their fact tables. */
@Component
class FactWriters implements TopicWriter.Factory {

    private final Pipeline pipeline;

    FactWriters(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public List<TopicWriter> create(PulseTopics topics) {
        return List.of(FactWriter.followUps(topics, pipeline), FactWriter.sales(topics, pipeline));
    }
}
