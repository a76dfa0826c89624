package dev.pulse.report.duplicates;

import dev.pulse.events.PulseTopics;
import dev.pulse.report.projector.TopicWriter;
import java.util.List;
import org.springframework.stereotype.Component;

/** Projects the duplicate-flag topic into duplicate_flag. */
@Component
class DuplicateFlagWriters implements TopicWriter.Factory {

    @Override
    public List<TopicWriter> create(PulseTopics topics) {
        return List.of(new DuplicateFlagWriter(topics.duplicateFlags()));
    }
}
