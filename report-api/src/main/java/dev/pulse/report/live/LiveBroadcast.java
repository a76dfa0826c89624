package dev.pulse.report.live;

import dev.pulse.report.projector.Owner;
import dev.pulse.report.projector.ProjectionListener;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells every report-api instance, this one included, what changed: a PostgreSQL NOTIFY on
 * {@link LiveListener#CHANNEL} right after the projector's batch committed (or after an API call
 * changed something). Each instance's projector reads only its share of the partitions, so without
 * this a dashboard connected to one instance would miss the changes another instance projected.
 * The NOTIFY follows the commit: should this instance die in between, streams miss one "refetch"
 * hint and the next change brings the figures anyway; no figure depends on it.
 */
@Component
public class LiveBroadcast implements ProjectionListener {

    private static final Logger log = LoggerFactory.getLogger(LiveBroadcast.class);

    private final DSLContext db;

    LiveBroadcast(DSLContext db) {
        this.db = db;
    }

    @Override
    public void projected(Map<String, Set<Owner>> ownersByTopic) {
        if (!ownersByTopic.isEmpty()) {
            notifyAll(LiveMessage.projected(ownersByTopic));
        }
    }

    /** Tells every open stream of every instance that what {@code event} names has changed. */
    public void publish(String event) {
        notifyAll(LiveMessage.event(event));
    }

    private void notifyAll(LiveMessage message) {
        try {
            for (String payload : message.payloads()) {
                db.fetch("select pg_notify(?, ?)", LiveListener.CHANNEL, payload);
            }
        } catch (RuntimeException e) {
            // a live hint, not a figure: the projection is committed whatever happens here
            log.warn("live update not broadcast: {}", e.toString());
        }
    }
}
