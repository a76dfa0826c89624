package dev.pulse.processor.duplicates;

import dev.pulse.events.FollowUp;
import dev.pulse.events.duplicates.ContactKeys;
import dev.pulse.events.duplicates.DuplicateFlag;
import dev.pulse.events.duplicates.DuplicateType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Recognises a follow-up entered twice: same customer, rep, minute and whitespace-normalised
 * content under another eventId (DESIGN.md definition 4, DUPLICATE_ENTRY). The first entry goes on
 * to be counted; a repeat is only flagged. The entries are the customer's own, so no other key is needed.
 */
public final class DuplicateEntries {

    private DuplicateEntries() {
    }

    /**
     * Records the follow-up among the customer's entries: a first entry as {@code eventId|epochMillis}
     * in {@code firsts} (most entries are never repeated, so they stay small), an entry typed again
     * as its flag in {@code repeats}.
     *
     * @return the flag to publish when it repeats an earlier entry, or null for a first entry
     */
    public static DuplicateFlag check(Map<String, String> firsts, Map<String, DuplicateFlag> repeats,
                                      FollowUp followUp) {
        String fingerprint = fingerprint(followUp);
        DuplicateFlag seen = repeats.get(fingerprint);
        if (seen == null) {
            String first = firsts.putIfAbsent(fingerprint,
                    followUp.eventId() + "|" + followUp.occurredAt().toEpochMilli());
            if (first == null) {
                return null;
            }
            int bar = first.indexOf('|');
            Instant firstAt = Instant.ofEpochMilli(Long.parseLong(first.substring(bar + 1)));
            seen = new DuplicateFlag(DuplicateType.DUPLICATE_ENTRY, fingerprint, List.of(followUp.customerId()),
                    List.of(followUp.repId()), List.of(first.substring(0, bar)), firstAt, firstAt);
        }
        List<String> eventIds = new ArrayList<>(seen.eventIds());
        eventIds.add(followUp.eventId().toString());
        // Held from when the second copy existed; neither time may move back because a copy arrived late.
        Instant firstSeenAt = seen.eventIds().size() == 1
                ? later(seen.firstSeenAt(), followUp.occurredAt()) : seen.firstSeenAt();
        DuplicateFlag flag = new DuplicateFlag(DuplicateType.DUPLICATE_ENTRY, fingerprint, seen.customerIds(),
                seen.repIds(), eventIds, firstSeenAt, later(seen.updatedAt(), followUp.occurredAt()));
        repeats.put(fingerprint, flag);
        firsts.remove(fingerprint);
        return flag;
    }

    /** customerId/repId/minute/first 16 hex of SHA-256 of the normalised content: short, readable, stable. */
    static String fingerprint(FollowUp followUp) {
        Instant minute = followUp.occurredAt().truncatedTo(ChronoUnit.MINUTES);
        return followUp.customerId() + "/" + followUp.repId() + "/" + minute + "/"
                + sha256(ContactKeys.normalisedContent(followUp.content())).substring(0, 16);
    }

    static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
