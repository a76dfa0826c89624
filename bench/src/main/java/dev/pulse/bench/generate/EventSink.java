package dev.pulse.bench.generate;

import dev.pulse.events.FollowUp;
import dev.pulse.events.Sale;

/** Where generated events go, one customer's events at a time and in event-time order within a customer. */
public interface EventSink {

    void followUp(FollowUp followUp);

    void sale(Sale sale);
}
