package dev.pulse.report.backtest;

import dev.pulse.events.alerts.AlertKind;
import dev.pulse.events.alerts.Ladder;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * One customer's follow-ups, oldest first, replayed through the rules: the steps the processor's
 * {@code StaleWatcher} would have opened and the pool claims it would have recorded (DESIGN.md
 * definitions 3 and 5).
 *
 * <p>What a follow-up files and how a step climbs are the processor's own code
 * ({@link dev.pulse.events.alerts.StaleThresholds#crossings}, {@link Ladder#after}). The loop around
 * them is written again here because the watcher's is bound to Kafka Streams: a key-value store as
 * its due-time index and a wall-clock punctuation. This loop keeps the watcher's rules: a step opens
 * once its due time has passed (one due exactly at a follow-up's time is resolved by it, never
 * opened); a follow-up resolves every open step and drops every pending one, and claims a released
 * customer; RELEASED resolves the open steps and drops the pending ones (an OVERDUE still due
 * too); a kind already open does not open again. Steps open in due-time order, as a processor
 * running all along would open them; one catching up after downtime opens them check by check.
 */
final class CustomerReplay {

    /** Where the replay reports what happened, each with its time and the team of the customer then. */
    interface Sink {
        void opened(AlertKind kind, Instant dueAt, String teamId);

        /** A follow-up of a released customer: {@code teamId} is the claiming follow-up's team. */
        void claimed(Instant at, String teamId);
    }

    private static final Comparator<Ladder.Next> DUE_ORDER =
            Comparator.comparing(Ladder.Next::dueAt).thenComparing(next -> next.kind().name());

    private final BacktestRules rules;
    private final Sink sink;
    private final PriorityQueue<Ladder.Next> pending = new PriorityQueue<>(DUE_ORDER);
    private final Set<AlertKind> open = EnumSet.noneOf(AlertKind.class);
    private String stage;
    private String teamId;

    CustomerReplay(BacktestRules rules, Sink sink) {
        this.rules = rules;
        this.sink = sink;
    }

    /** The customer's next follow-up: never older than the one before (the history is read in order). */
    void followUp(String stage, String teamId, Instant occurredAt, Instant nextFollowUpAt) {
        openDueBefore(occurredAt);
        if (open.contains(AlertKind.RELEASED)) {
            sink.claimed(occurredAt, teamId);
        }
        open.clear();
        pending.clear();
        this.stage = stage;
        this.teamId = teamId;
        for (Ladder.Next crossing : rules.thresholds().crossings(stage, occurredAt, nextFollowUpAt)) {
            if (crossing.kind() != AlertKind.OVERDUE || rules.overdue()) {
                pending.add(crossing);
            }
        }
    }

    /** Opens every step due before {@code now}, each climbing to the next step of the ladder. */
    void openDueBefore(Instant now) {
        while (!pending.isEmpty() && pending.peek().dueAt().isBefore(now)) {
            Ladder.Next due = pending.poll();
            if (open.contains(due.kind())) {
                continue;
            }
            sink.opened(due.kind(), due.dueAt(), teamId);
            if (due.kind() == AlertKind.RELEASED) {
                open.clear();
                pending.clear();
            } else {
                rules.ladder().after(due.kind(), stage, due.dueAt()).ifPresent(pending::add);
            }
            open.add(due.kind());
        }
    }
}
