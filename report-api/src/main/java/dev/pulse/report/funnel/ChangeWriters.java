package dev.pulse.report.funnel;

import dev.pulse.events.PulseTopics;
import dev.pulse.report.projector.TopicWriter;
import java.util.List;
import org.springframework.stereotype.Component;

/** Projects the customer-change topic into the activity rows and the funnel cells (one writer: both come from the same records, in one pass). */
@Component
class ChangeWriters implements TopicWriter.Factory {

    @Override
    public List<TopicWriter> create(PulseTopics topics) {
        return List.of(new ChangeWriter(topics.changes()));
    }
}
