package dev.pulse.events.duplicates;

import dev.pulse.events.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A live duplicate flag: the value of the duplicate-flags topic, keyed by {@link #flagId()}.
 * Each update carries the full current membership, so the projector writes absolute values.
 *
 * @param key         what the records share: {@code phone:13800138000}, {@code email:...},
 *                    {@code wechat:...}, the customerId (MULTI_REP) or the entry's fingerprint
 * @param customerIds customers involved, in the order they joined
 * @param repIds      reps involved, in the order they joined
 * @param eventIds    the follow-ups that make the flag (for DUPLICATE_ENTRY: the original first)
 * @param firstSeenAt event time at which the flag first held
 * @param updatedAt   event time of the latest record that joined
 */
public record DuplicateFlag(
        DuplicateType type,
        String key,
        List<String> customerIds,
        List<String> repIds,
        List<String> eventIds,
        Instant firstSeenAt,
        Instant updatedAt) {

    public DuplicateFlag {
        customerIds = List.copyOf(customerIds);
        repIds = List.copyOf(repIds);
        eventIds = List.copyOf(eventIds);
    }

    /** Stable, URL-safe identity of the flag, derived from its type and key. */
    public String flagId() {
        return flagIdOf(type, key);
    }

    public static String flagIdOf(DuplicateType type, String key) {
        String identity = Json.MAPPER.writeValueAsString(Arrays.asList(type.name(), key));
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
