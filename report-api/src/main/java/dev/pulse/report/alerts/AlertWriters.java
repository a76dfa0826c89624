package dev.pulse.report.alerts;

import dev.pulse.events.PulseTopics;
import dev.pulse.report.projector.TopicWriter;
import java.util.List;
import org.springframework.stereotype.Component;

/** Projects the alert topic into the alert tables and the delivery outbox. */
@Component
class AlertWriters implements TopicWriter.Factory {

    private final AlertOutbox outbox;

    AlertWriters(AlertOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public List<TopicWriter> create(PulseTopics topics) {
        return List.of(new AlertWriter(topics.alerts(), outbox));
    }
}
