package dev.pulse.processor.funnel;

import dev.pulse.events.FollowUp;
import dev.pulse.events.Sale;

/** A follow-up or a sale of one customer, so both reach the customer's journey in order. */
record JourneyEvent(FollowUp followUp, Sale sale) {

    static JourneyEvent of(FollowUp followUp) {
        return new JourneyEvent(followUp, null);
    }

    static JourneyEvent of(Sale sale) {
        return new JourneyEvent(null, sale);
    }
}
