package dev.pulse.processor.duplicates;

import dev.pulse.events.FollowUp;
import dev.pulse.events.duplicates.DuplicateFlag;
import dev.pulse.events.duplicates.DuplicateType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * MULTI_REP: one customer followed up by two or more distinct reps within the window, by
 * {@code occurredAt} (so a backfilled record is judged by when the contact happened). Works on the
 * customer's own state. Only the latest {@value #TOUCHES_PER_REP} follow-ups per rep are kept, to bound
 * the state: a backfilled record of another rep that only overlaps an older follow-up is missed.
 */
public final class MultiRepCheck {

    static final int TOUCHES_PER_REP = 20;

    private final Duration window;

    public MultiRepCheck(Duration window) {
        this.window = window;
    }

    /** What a follow-up leaves behind: the customer's updated reps, and the flag to publish if it changed. */
    public record Result(CustomerReps reps, DuplicateFlag changedFlag) {
    }

    public Result check(CustomerReps known, FollowUp followUp) {
        Map<String, List<CustomerReps.Touch>> byRep = known == null ? new LinkedHashMap<>() : new LinkedHashMap<>(known.byRep());
        DuplicateFlag flag = known == null ? null : known.flag();

        List<String> overlapping = new ArrayList<>();
        List<String> overlappingEvents = new ArrayList<>();
        List<Instant> overlappingTimes = new ArrayList<>();
        byRep.forEach((rep, touches) -> {
            if (!rep.equals(followUp.repId())) {
                touches.stream().filter(t -> withinWindow(t.at(), followUp.occurredAt()))
                        .min(Comparator.comparing(t -> Duration.between(t.at(), followUp.occurredAt()).abs()))
                        .ifPresent(t -> {
                            overlapping.add(rep);
                            overlappingEvents.add(t.eventId());
                            overlappingTimes.add(t.at());
                        });
            }
        });
        byRep.put(followUp.repId(), remember(byRep.get(followUp.repId()), followUp));

        DuplicateFlag changed = null;
        if (!overlapping.isEmpty()) {
            DuplicateFlag updated = raise(flag, followUp, overlapping, overlappingEvents, overlappingTimes);
            if (!updated.equals(flag)) {
                flag = updated;
                changed = updated;
            }
        }
        return new Result(new CustomerReps(byRep, flag), changed);
    }

    private boolean withinWindow(Instant a, Instant b) {
        return Duration.between(a, b).abs().compareTo(window) <= 0;
    }

    private static List<CustomerReps.Touch> remember(List<CustomerReps.Touch> touches, FollowUp followUp) {
        List<CustomerReps.Touch> updated = touches == null ? new ArrayList<>() : new ArrayList<>(touches);
        updated.add(new CustomerReps.Touch(followUp.occurredAt(), followUp.eventId().toString()));
        updated.sort(Comparator.comparing(CustomerReps.Touch::at));
        return List.copyOf(updated.subList(Math.max(0, updated.size() - TOUCHES_PER_REP), updated.size()));
    }

    /**
     * A new flag holds from when the second rep was on the customer: the later of this follow-up and
     * the earliest overlapping one, so a backfilled record dates it by event time, not arrival.
     */
    private static DuplicateFlag raise(DuplicateFlag flag, FollowUp followUp, List<String> otherReps,
                                       List<String> otherEvents, List<Instant> otherTimes) {
        LinkedHashSet<String> reps = new LinkedHashSet<>(flag == null ? List.of() : flag.repIds());
        reps.addAll(otherReps);
        reps.add(followUp.repId());
        LinkedHashSet<String> events = new LinkedHashSet<>(flag == null ? List.of() : flag.eventIds());
        events.addAll(otherEvents);
        events.add(followUp.eventId().toString());
        Instant earliestOther = otherTimes.stream().min(Instant::compareTo).orElseThrow();
        Instant latestOther = otherTimes.stream().max(Instant::compareTo).orElseThrow();
        Instant latest = DuplicateEntries.later(latestOther, followUp.occurredAt());
        Instant firstSeenAt = flag == null ? DuplicateEntries.later(earliestOther, followUp.occurredAt())
                : flag.firstSeenAt();
        Instant updatedAt = flag == null ? latest : DuplicateEntries.later(flag.updatedAt(), latest);
        return new DuplicateFlag(DuplicateType.MULTI_REP, followUp.customerId(), List.of(followUp.customerId()),
                List.copyOf(reps), List.copyOf(events), firstSeenAt, updatedAt);
    }
}
