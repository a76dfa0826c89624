package dev.pulse.processor.customer;

import dev.pulse.events.FollowUp;
import dev.pulse.events.Sale;

/** A follow-up or a sale of one customer: both reach the customer's one processor, in offset order. */
public record CustomerEvent(FollowUp followUp, Sale sale) {

    public static CustomerEvent of(FollowUp followUp) {
        return new CustomerEvent(followUp, null);
    }

    public static CustomerEvent of(Sale sale) {
        return new CustomerEvent(null, sale);
    }
}
