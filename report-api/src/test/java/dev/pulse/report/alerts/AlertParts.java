package dev.pulse.report.alerts;

import dev.pulse.events.Pipeline;
import org.jooq.DSLContext;

/** The alert delivery's parts, built outside Spring for tests of other packages that queue messages. */
public final class AlertParts {

    private AlertParts() {
    }

    public static Outbox outbox(DSLContext db, AlertProperties properties) {
        return new Outbox(properties, new AlertRoutes(db));
    }

    public static AlertNames names(AlertProperties properties) {
        return new AlertNames(Pipeline.defaults(), properties);
    }
}
