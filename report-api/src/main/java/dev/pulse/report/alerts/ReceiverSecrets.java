package dev.pulse.report.alerts;

import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The signing secret of each receiver, looked up by its address when a message is sent (the
 * outbox keeps no secrets): an admin's route first, then {@code PULSE_WEBHOOKS}.
 */
@Component
class ReceiverSecrets {

    private final Map<String, String> configured = new HashMap<>();
    private final AlertRoutes routes;

    ReceiverSecrets(AlertProperties properties, AlertRoutes routes) {
        this.routes = routes;
        properties.receivers().stream().filter(r -> r.secret() != null)
                .forEach(r -> configured.put(r.url().toString(), r.secret()));
    }

    /** Null when the receiver does not sign. */
    String secretFor(String webhook) {
        String routed = routes.secretFor(webhook);
        return routed != null ? routed : configured.get(webhook);
    }
}
