package dev.pulse.report.alerts;

import java.util.Collection;
import java.util.List;
import org.jooq.DSLContext;

/**
 * How a scheduled robot message goes out (the morning reminder, the daily digest, the goal nudge):
 * in one transaction the names of the reps and teams it is about are looked up, each message is
 * built with them and all are queued, so a run queues every one of its messages or none.
 */
public record MessageBatch(DSLContext db, Outbox outbox, AlertNames names) {

    /** Builds a run's messages inside its transaction, with the names looked up. */
    @FunctionalInterface
    public interface Builder {
        List<Outbox.Message> build(DSLContext tx, AlertNames.Lookup names);
    }

    /** Queues the messages built for these reps and teams; returns how many were built. */
    public int queue(Collection<String> repIds, Collection<String> teamIds, Builder messages) {
        return db.transactionResult(tx -> {
            DSLContext dsl = tx.dsl();
            List<Outbox.Message> built = messages.build(dsl, names.lookup(dsl, repIds, teamIds));
            outbox.enqueue(dsl, built);
            return built.size();
        });
    }
}
