package dev.pulse.report.projector;

import java.util.Map;
import java.util.Set;

/** Told after each committed batch what changed the read model, e.g. to push live updates. */
@FunctionalInterface
public interface ProjectionListener {

    /** @param ownersByTopic each topic whose records changed the read model, and whose figures they were */
    void projected(Map<String, Set<Owner>> ownersByTopic);
}
