package dev.pulse.processor.customer;

import dev.pulse.events.duplicates.DuplicateFlag;
import dev.pulse.processor.duplicates.CustomerReps;
import dev.pulse.processor.funnel.CustomerJourney;
import dev.pulse.processor.stale.CustomerWatch;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Everything the processor remembers of one customer, in one store entry, so an event costs one
 * read and one write whatever it changes. The collections are mutable: the processor changes them
 * in place and writes the state back.
 *
 * @param eventIds     ids already counted ({@code F:} follow-ups, {@code S:} sales): a retry counts once
 * @param entries      duplicate-entry fingerprint -> {@code eventId|epochMillis} of an entry typed once
 * @param repeats      duplicate-entry fingerprint -> its flag, for an entry typed more than once
 * @param reps         the multi-rep check's recent follow-ups per rep and its flag, or null
 * @param watch        the stale check's latest follow-up and open alerts, or null
 * @param journey      the customer's stage history and orders, for the funnel, or null
 * @param activityRows activity rows (see {@link ActivityRows}) the customer is already counted in
 * @param sightings    contact|rep pairs already sent to the duplicate-customer check
 */
public record CustomerState(
        Set<String> eventIds,
        Map<String, String> entries,
        Map<String, DuplicateFlag> repeats,
        CustomerReps reps,
        CustomerWatch watch,
        CustomerJourney journey,
        Set<String> activityRows,
        Set<String> sightings) {

    public CustomerState {
        eventIds = eventIds == null ? new HashSet<>() : eventIds;
        entries = entries == null ? new HashMap<>() : entries;
        repeats = repeats == null ? new HashMap<>() : repeats;
        activityRows = activityRows == null ? new HashSet<>() : activityRows;
        sightings = sightings == null ? new HashSet<>() : sightings;
    }

    static CustomerState empty() {
        return new CustomerState(null, null, null, null, null, null, null, null);
    }

    CustomerState withReps(CustomerReps value) {
        return new CustomerState(eventIds, entries, repeats, value, watch, journey, activityRows, sightings);
    }

    CustomerState withWatch(CustomerWatch value) {
        return new CustomerState(eventIds, entries, repeats, reps, value, journey, activityRows, sightings);
    }

    CustomerState withJourney(CustomerJourney value) {
        return new CustomerState(eventIds, entries, repeats, reps, watch, value, activityRows, sightings);
    }
}
