package dev.pulse.report.alerts;

import static dev.pulse.report.db.Tables.WEBHOOK_DELIVERY;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.springframework.stereotype.Component;

/**
 * Queues a message for every configured receiver, inside the caller's transaction. Enqueuing the
 * same message again is a no-op (primary key message, event, receiver), so a replayed batch sends
 * nothing twice that was queued once.
 */
@Component
public class Outbox {

    private final List<Webhook> receivers;

    Outbox(AlertProperties properties) {
        this.receivers = properties.receivers();
    }

    public List<Query> enqueue(DSLContext db, UUID messageId, String event, Map<String, Object> generic,
                               String title, String text) {
        OffsetDateTime now = OffsetDateTime.now();
        return receivers.stream().map(receiver -> (Query) db.insertInto(WEBHOOK_DELIVERY)
                .set(WEBHOOK_DELIVERY.MESSAGE_ID, messageId)
                .set(WEBHOOK_DELIVERY.EVENT, event)
                .set(WEBHOOK_DELIVERY.WEBHOOK, receiver.url().toString())
                .set(WEBHOOK_DELIVERY.FORMAT, receiver.format().name())
                .set(WEBHOOK_DELIVERY.PAYLOAD, receiver.format().body(generic, title, text))
                .set(WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT, now)
                .onConflictDoNothing()).toList();
    }
}
