package dev.pulse.processor.stale;

import dev.pulse.events.FollowUp;
import dev.pulse.events.alerts.Alert;
import dev.pulse.events.alerts.AlertKind;
import dev.pulse.events.alerts.AlertStatus;
import dev.pulse.events.alerts.Ladder;
import dev.pulse.events.alerts.StaleThresholds;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Stale and overdue customers (DESIGN.md definition 3).
 *
 * <p>Each follow-up that becomes the customer's latest (by event time) resolves its open alerts
 * and files the customer in a due-time index under its next STALE crossing (last follow-up plus
 * the stage's threshold) and OVERDUE crossing (its nextFollowUpAt). A wall-clock punctuation, so
 * it fires with no traffic at all, range-scans the index up to now: one pass touches only the
 * customers whose time has come. Alert ids derive from customer, kind and due time, so a pass
 * repeated after a crash produces the same alert, and exactly-once keeps only one.
 *
 * <p>The escalation ladder (definition 5) uses the same index: a STALE alert that opens files the
 * customer's ESCALATED step, that one its RELEASED step, each due a configured time after the step
 * before. Since the steps live in the customer's state and the index (both changelogged), a restart
 * resumes the climb where it was, and every step is an alert on the alerts topic. RELEASED ends the
 * rep's and manager's steps (resolution RELEASED); the next follow-up by any rep claims the customer
 * (resolution CLAIMED, with {@code claimedBy}).
 */
public final class StaleWatcher {

    static final String FOLLOWED_UP = "FOLLOWED_UP";
    static final String CLOSED = "CLOSED";
    static final String RELEASED = "RELEASED";

    private final StaleRules rules;
    private final StaleThresholds thresholds;

    public StaleWatcher(StaleRules rules) {
        this.rules = rules;
        this.thresholds = rules.staleThresholds();
    }

    public Duration checkInterval() {
        return rules.checkInterval();
    }

    /**
     * @return the customer's watch after the follow-up: unchanged for an older contact arriving
     *         late, which changes neither the last follow-up nor the stage
     */
    public CustomerWatch onFollowUp(CustomerWatch watch, FollowUp f, Instant now, KeyValueStore<String, String> dueIndex,
                                    Consumer<Alert> emit) {
        if (watch != null && f.occurredAt().isBefore(watch.lastFollowUpAt())) {
            return watch;
        }
        if (watch != null) {
            String why = thresholds.isClosed(f.stage()) ? CLOSED : FOLLOWED_UP;
            // whoever follows up a pool customer claims it, whatever the stage they record
            watch.openAlerts().values().forEach(open -> emit.accept(open.kind() == AlertKind.RELEASED
                    ? open.claimed(now, f.repId()) : open.resolved(now, why)));
            watch.dueKeys().forEach(dueIndex::delete);
        }
        List<String> dueKeys = new ArrayList<>();
        for (Ladder.Next crossing : thresholds.crossings(f.stage(), f.occurredAt(), f.nextFollowUpAt())) {
            dueKeys.add(file(dueIndex, crossing.dueAt(), crossing.kind(), f.customerId()));
        }
        return new CustomerWatch(f.customerName(), f.repId(), f.teamId(), f.stage(), f.occurredAt(),
                f.nextFollowUpAt(), Map.of(), dueKeys);
    }

    private static String file(KeyValueStore<String, String> dueIndex, Instant due, AlertKind kind, String customerId) {
        String key = DueIndex.key(due, kind, customerId);
        dueIndex.put(key, customerId);
        return key;
    }

    /** Where the watch of a customer is read and written back: the customer's state. */
    public interface Watches {
        CustomerWatch get(String customerId);

        void put(String customerId, CustomerWatch watch);
    }

    /**
     * Stale means the silence exceeds the threshold, so an entry due exactly now waits for the next
     * pass. A step of the ladder already due when the step before opens (an instance that was down,
     * an imported history) opens in the same pass, so every step is on time after a restart.
     */
    public void openDueAlerts(long nowMillis, KeyValueStore<String, String> dueIndex, Watches watches,
                              Consumer<Alert> emit) {
        Instant now = Instant.ofEpochMilli(nowMillis);
        List<KeyValue<String, String>> due = dueUpTo(nowMillis, dueIndex);
        while (!due.isEmpty()) {
            for (KeyValue<String, String> entry : due) {
                dueIndex.delete(entry.key);
                CustomerWatch watch = watches.get(entry.value);
                AlertKind kind = DueIndex.kind(entry.key);
                if (watch == null || !watch.dueKeys().contains(entry.key) || watch.openAlerts().containsKey(kind)) {
                    continue;
                }
                watches.put(entry.value, opened(watch, entry, kind, now, dueIndex, emit));
            }
            due = dueUpTo(nowMillis, dueIndex);
        }
    }

    private static List<KeyValue<String, String>> dueUpTo(long nowMillis, KeyValueStore<String, String> dueIndex) {
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> entries = dueIndex.range(DueIndex.FIRST, DueIndex.upTo(nowMillis - 1))) {
            entries.forEachRemaining(due::add);
        }
        return due;
    }

    /** @return the watch with the alert of {@code entry} open and the ladder's next step filed */
    private CustomerWatch opened(CustomerWatch watch, KeyValue<String, String> entry, AlertKind kind, Instant now,
                                 KeyValueStore<String, String> dueIndex, Consumer<Alert> emit) {
        Instant dueAt = DueIndex.due(entry.key);
        Alert alert = open(kind, entry.value, watch, dueAt, now);
        emit.accept(alert);
        Map<AlertKind, Alert> open = new EnumMap<>(AlertKind.class);
        open.putAll(watch.openAlerts());
        List<String> remaining = new ArrayList<>(watch.dueKeys());
        remaining.remove(entry.key);
        if (kind == AlertKind.RELEASED) {
            // in the pool nobody owns the customer: the rep's and manager's steps end, nothing more is due
            open.values().forEach(earlier -> emit.accept(earlier.resolved(now, RELEASED)));
            open.clear();
            remaining.forEach(dueIndex::delete);
            remaining.clear();
        } else {
            rules.ladder().after(kind, watch.stage(), dueAt)
                    .ifPresent(next -> remaining.add(file(dueIndex, next.dueAt(), next.kind(), entry.value)));
        }
        open.put(kind, alert);
        return new CustomerWatch(watch.customerName(), watch.repId(), watch.teamId(), watch.stage(),
                watch.lastFollowUpAt(), watch.nextFollowUpAt(), open, remaining);
    }

    private Alert open(AlertKind kind, String customerId, CustomerWatch watch, Instant dueAt, Instant now) {
        Duration threshold = kind == AlertKind.OVERDUE ? null : thresholds.threshold(watch.stage());
        UUID alertId = UUID.nameUUIDFromBytes((customerId + "|" + kind + "|" + dueAt.toEpochMilli())
                .getBytes(StandardCharsets.UTF_8));
        return new Alert(alertId, kind, AlertStatus.OPEN, customerId, watch.customerName(), watch.repId(),
                watch.teamId(), watch.stage(), watch.lastFollowUpAt(), watch.nextFollowUpAt(),
                threshold == null ? null : threshold.toSeconds() / 86_400.0, dueAt, now, null, null);
    }
}
