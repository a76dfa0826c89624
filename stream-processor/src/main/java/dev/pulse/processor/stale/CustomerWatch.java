package dev.pulse.processor.stale;

import dev.pulse.events.alerts.Alert;
import dev.pulse.events.alerts.AlertKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the stale check keeps per customer: its latest follow-up by event time, the alerts open
 * for it, and the keys under which it waits in the due-time index.
 */
public record CustomerWatch(
        String customerName,
        String repId,
        String teamId,
        String stage,
        Instant lastFollowUpAt,
        Instant nextFollowUpAt,
        Map<AlertKind, Alert> openAlerts,
        List<String> dueKeys) {

    public CustomerWatch {
        openAlerts = openAlerts == null ? Map.of() : Map.copyOf(openAlerts);
        dueKeys = dueKeys == null ? List.of() : List.copyOf(dueKeys);
    }
}
