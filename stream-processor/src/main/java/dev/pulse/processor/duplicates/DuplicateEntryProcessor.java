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
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Recognises a follow-up entered twice: same customer, rep, minute and whitespace-normalised
 * content under another eventId. The first entry goes on to be counted; a repeat is only flagged.
 * Runs keyed by customerId, after the eventId dedupe, so a client's retry never gets here twice.
 */
final class DuplicateEntryProcessor implements FixedKeyProcessor<String, FollowUp, EntryCheck> {

    private final String storeName;
    private FixedKeyProcessorContext<String, EntryCheck> context;
    private KeyValueStore<String, DuplicateFlag> entries;

    DuplicateEntryProcessor(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EntryCheck> context) {
        this.context = context;
        this.entries = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, FollowUp> record) {
        FollowUp followUp = record.value();
        String fingerprint = fingerprint(followUp);
        DuplicateFlag seen = entries.get(fingerprint);
        if (seen == null) {
            entries.put(fingerprint, new DuplicateFlag(DuplicateType.DUPLICATE_ENTRY, fingerprint,
                    List.of(followUp.customerId()), List.of(followUp.repId()),
                    List.of(followUp.eventId().toString()), followUp.occurredAt(), followUp.occurredAt()));
            context.forward(record.withValue(new EntryCheck(followUp, null)));
            return;
        }
        List<String> eventIds = new ArrayList<>(seen.eventIds());
        eventIds.add(followUp.eventId().toString());
        // Held from when the second copy existed; neither time may move back because a copy arrived late.
        Instant firstSeenAt = seen.eventIds().size() == 1
                ? DuplicateCustomerProcessor.later(seen.firstSeenAt(), followUp.occurredAt()) : seen.firstSeenAt();
        DuplicateFlag flag = new DuplicateFlag(DuplicateType.DUPLICATE_ENTRY, fingerprint, seen.customerIds(),
                seen.repIds(), eventIds, firstSeenAt, DuplicateCustomerProcessor.later(seen.updatedAt(), followUp.occurredAt()));
        entries.put(fingerprint, flag);
        context.forward(record.withValue(new EntryCheck(followUp, flag)));
    }

    /** customerId/repId/minute/first 16 hex of SHA-256 of the normalised content: short, readable, stable. */
    static String fingerprint(FollowUp followUp) {
        Instant minute = followUp.occurredAt().truncatedTo(ChronoUnit.MINUTES);
        return followUp.customerId() + "/" + followUp.repId() + "/" + minute + "/"
                + sha256(ContactKeys.normalisedContent(followUp.content())).substring(0, 16);
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
