package dev.pulse.report.alerts;

import static dev.pulse.report.db.Tables.WEBHOOK_DELIVERY;

import dev.pulse.report.sql.MultiRowInsert;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.springframework.stereotype.Component;

/**
 * Queues messages for every configured receiver, inside the caller's transaction. Enqueuing the
 * same message again is a no-op (primary key message, event, receiver), so a replayed batch sends
 * nothing twice that was queued once.
 */
@Component
public class Outbox {

    private static final List<Field<?>> COLUMNS = List.of(WEBHOOK_DELIVERY.MESSAGE_ID, WEBHOOK_DELIVERY.EVENT,
            WEBHOOK_DELIVERY.WEBHOOK, WEBHOOK_DELIVERY.FORMAT, WEBHOOK_DELIVERY.PAYLOAD, WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT,
            WEBHOOK_DELIVERY.TITLE, WEBHOOK_DELIVERY.BODY_TEXT);

    /** One message, before it is put in each receiver's format. */
    public record Message(UUID messageId, String event, Map<String, Object> generic, String title, String text) {
    }

    private final List<Webhook> receivers;

    Outbox(AlertProperties properties) {
        this.receivers = properties.receivers();
    }

    /** Queues every message for every receiver in multi-row inserts; a message queued before is skipped. */
    public void enqueue(DSLContext db, Collection<Message> messages) {
        if (receivers.isEmpty() || messages.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now();
        List<Object[]> deliveries = new ArrayList<>(messages.size() * receivers.size());
        for (Message message : messages) {
            for (Webhook receiver : receivers) {
                deliveries.add(new Object[] {message.messageId(), message.event(), receiver.url().toString(),
                        receiver.format().name(), receiver.format().body(message.generic(), message.title(), message.text()),
                        now, message.title(), message.text()});
            }
        }
        MultiRowInsert.insert(db, WEBHOOK_DELIVERY, COLUMNS, deliveries, row -> row,
                InsertValuesStepN::onConflictDoNothing);
    }
}
