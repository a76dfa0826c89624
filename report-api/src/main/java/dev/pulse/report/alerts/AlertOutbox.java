package dev.pulse.report.alerts;

import dev.pulse.events.alerts.Alert;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.springframework.stereotype.Component;

/** Queues an alert's OPEN or RESOLVED message for every receiver. */
@Component
public class AlertOutbox {

    private final Outbox outbox;

    AlertOutbox(Outbox outbox) {
        this.outbox = outbox;
    }

    public List<Query> enqueue(DSLContext db, Alert alert) {
        return outbox.enqueue(db, alert.alertId(), alert.status().name(), AlertMessages.generic(alert),
                AlertMessages.title(alert), AlertMessages.text(alert, Instant.now()));
    }
}
