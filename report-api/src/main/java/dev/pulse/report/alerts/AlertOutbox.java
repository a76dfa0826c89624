package dev.pulse.report.alerts;

import dev.pulse.events.alerts.Alert;
import java.time.Instant;
import java.util.Collection;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Queues alerts' OPEN or RESOLVED messages for every receiver. */
@Component
public class AlertOutbox {

    private final Outbox outbox;

    AlertOutbox(Outbox outbox) {
        this.outbox = outbox;
    }

    /** One message per alert record, in their order (a message queued before is skipped). */
    public void enqueue(DSLContext db, Collection<Alert> alerts) {
        Instant now = Instant.now();
        outbox.enqueue(db, alerts.stream()
                .map(alert -> new Outbox.Message(alert.alertId(), alert.status().name(), AlertMessages.generic(alert),
                        AlertMessages.title(alert), AlertMessages.text(alert, now)))
                .toList());
    }
}
