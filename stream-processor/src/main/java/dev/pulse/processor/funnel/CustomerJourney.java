package dev.pulse.processor.funnel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A customer's stage history, ordered by event time, and its sales so far. */
record CustomerJourney(List<Step> steps, int sales, BigDecimal revenue) {

    CustomerJourney {
        steps = List.copyOf(steps);
        revenue = revenue == null ? BigDecimal.ZERO : revenue;
    }

    /** One follow-up's contribution to the journey. */
    record Step(Instant at, String eventId, String stage, String repId, String teamId, String source) {
    }
}
