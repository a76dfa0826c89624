package dev.pulse.report.alerts;

import static dev.pulse.report.db.Tables.WEBHOOK_DELIVERY;

import dev.pulse.report.sql.MultiRowInsert;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.springframework.stereotype.Component;

/**
 * Queues messages for their receivers, inside the caller's transaction: the rep's routes, else the
 * team's, else the default ones ({@code PULSE_WEBHOOKS} and the DEFAULT routes), read from the
 * database each time so an admin's change applies to the next message. Enqueuing the same message
 * again is a no-op (primary key message, event, receiver), so a replayed batch sends nothing twice
 * that was queued once.
 */
@Component
public class Outbox {

    private static final List<Field<?>> COLUMNS = List.of(WEBHOOK_DELIVERY.MESSAGE_ID, WEBHOOK_DELIVERY.EVENT,
            WEBHOOK_DELIVERY.WEBHOOK, WEBHOOK_DELIVERY.FORMAT, WEBHOOK_DELIVERY.PAYLOAD, WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT,
            WEBHOOK_DELIVERY.TITLE, WEBHOOK_DELIVERY.BODY_TEXT, WEBHOOK_DELIVERY.MENTION_MOBILES,
            WEBHOOK_DELIVERY.MENTION_USER_IDS);

    /**
     * One message, before it is put in each receiver's format.
     *
     * @param repId      whose routes it takes (and whom it may @mention); null for a team's message
     * @param teamId     whose routes it takes when the rep has none
     * @param mentionRep whether robots @mention the rep (an opening alert does, a resolution does not)
     */
    public record Message(UUID messageId, String event, Map<String, Object> generic, String title, String text,
                          String repId, String teamId, boolean mentionRep) {
    }

    private final List<Webhook> defaults;
    private final AlertRoutes routes;

    Outbox(AlertProperties properties, AlertRoutes routes) {
        this.defaults = properties.receivers();
        this.routes = routes;
    }

    /** Queues every message for each of its receivers in multi-row inserts; a message queued before is skipped. */
    public void enqueue(DSLContext db, Collection<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        List<Route> configured = routes.all(db);
        Map<String, Contact> contacts = routes.contacts(db, messages.stream().filter(Message::mentionRep)
                .map(Message::repId).filter(Objects::nonNull).collect(Collectors.toSet()));
        OffsetDateTime now = OffsetDateTime.now();
        List<Object[]> deliveries = new ArrayList<>();
        for (Message message : messages) {
            Contact contact = message.mentionRep() ? contacts.get(message.repId()) : null;
            for (Webhook receiver : receiversFor(message.repId(), message.teamId(), configured, defaults)) {
                List<String> mobiles = contact == null ? List.of() : contact.mobiles(receiver.format());
                List<String> userIds = contact == null ? List.of() : contact.userIds(receiver.format());
                deliveries.add(new Object[] {message.messageId(), message.event(), receiver.url().toString(),
                        receiver.format().name(), receiver.format().body(message.generic(), message.title(), message.text()),
                        now, message.title(), message.text(), joined(mobiles), joined(userIds)});
            }
        }
        if (!deliveries.isEmpty()) {
            MultiRowInsert.insert(db, WEBHOOK_DELIVERY, COLUMNS, deliveries, row -> row,
                    InsertValuesStepN::onConflictDoNothing);
        }
    }

    /** The rep's routes, else the team's, else the defaults; one receiver once. */
    static List<Webhook> receiversFor(String repId, String teamId, List<Route> routes, List<Webhook> defaults) {
        List<Webhook> chosen = scoped(routes, Route.Scope.REP, repId);
        if (chosen.isEmpty()) {
            chosen = scoped(routes, Route.Scope.TEAM, teamId);
        }
        if (chosen.isEmpty()) {
            chosen = Stream.concat(defaults.stream(), scoped(routes, Route.Scope.DEFAULT, null).stream()).toList();
        }
        Map<String, Webhook> distinct = new LinkedHashMap<>();
        chosen.forEach(webhook -> distinct.putIfAbsent(webhook.url().toString(), webhook));
        return List.copyOf(distinct.values());
    }

    private static List<Webhook> scoped(List<Route> routes, Route.Scope scope, String id) {
        if (scope != Route.Scope.DEFAULT && id == null) {
            return List.of();
        }
        return routes.stream().filter(route -> route.scope() == scope && Objects.equals(route.scopeId(), id))
                .map(Route::webhook).toList();
    }

    private static String joined(List<String> values) {
        return values.isEmpty() ? null : String.join(",", values);
    }
}
