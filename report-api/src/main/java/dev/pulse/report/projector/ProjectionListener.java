package dev.pulse.report.projector;

import java.util.Set;

/** Told after each committed batch which topics changed the read model, e.g. to push live updates. */
@FunctionalInterface
public interface ProjectionListener {

    void projected(Set<String> topics);
}
