package dev.pulse.report.alerts;

import dev.pulse.events.alerts.Alert;
import dev.pulse.events.alerts.AlertKind;
import dev.pulse.events.alerts.AlertStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Queues alerts' OPEN or RESOLVED messages for their receivers (see {@link Outbox}). */
@Component
public class AlertOutbox {

    private final Outbox outbox;
    private final AlertNames names;

    AlertOutbox(Outbox outbox, AlertNames names) {
        this.outbox = outbox;
        this.names = names;
    }

    /**
     * One message per alert record, in their order (a message queued before is skipped). The rep's
     * step (STALE, OVERDUE) takes the rep's route (else the team's) and, when it opens, @mentions the
     * rep; the manager's step and the release to the pool take the team's route, so they reach the
     * manager even when the rep has a route of their own.
     */
    public void enqueue(DSLContext db, Collection<Alert> alerts) {
        if (alerts.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        AlertNames.Lookup lookup = names.lookup(db,
                alerts.stream().map(Alert::repId).filter(Objects::nonNull).collect(Collectors.toSet()),
                alerts.stream().map(Alert::teamId).filter(Objects::nonNull).collect(Collectors.toSet()));
        outbox.enqueue(db, alerts.stream()
                .map(alert -> {
                    boolean repStep = alert.kind() == AlertKind.STALE || alert.kind() == AlertKind.OVERDUE;
                    return new Outbox.Message(alert.alertId(), alert.status().name(), AlertMessages.generic(alert),
                            AlertMessages.title(alert), AlertMessages.text(alert, now, lookup),
                            repStep ? alert.repId() : null, alert.teamId(), repStep && alert.status() == AlertStatus.OPEN);
                })
                .toList());
    }
}
