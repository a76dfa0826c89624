package dev.pulse.events.activity;

import dev.pulse.events.Json;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The live follow-up activity of one rep or team in one period, keyed by {@link #key()}: a row of
 * rep_activity, and, as a delta, what one counted follow-up adds to it ({@code ActivityTouch#rows()}).
 * The projector adds deltas inside the transaction that stores its offsets, so each counts once.
 *
 * @param followUps follow-ups in the period (a resubmitted eventId counts once)
 * @param customers distinct customers those follow-ups touched
 * @param byChannel follow-ups per channel code
 */
public record ActivityRow(
        ActivityScope scope,
        String repId,
        String teamId,
        Granularity granularity,
        String bucket,
        LocalDate periodStart,
        LocalDate periodEnd,
        long followUps,
        long customers,
        Map<String, Long> byChannel) {

    public ActivityRow {
        byChannel = byChannel == null ? Map.of() : Map.copyOf(new TreeMap<>(byChannel));
    }

    public static ActivityRow empty(ActivityScope scope, String repId, String teamId, Granularity granularity,
                                    Granularity.Period period) {
        return new ActivityRow(scope, repId, teamId, granularity, period.bucket(), period.start(), period.end(),
                0, 0, Map.of());
    }

    /** The row's identity: scope, granularity, bucket, and the rep and team it is about. */
    public String key() {
        return keyOf(scope, granularity, bucket, repId, teamId);
    }

    /**
     * A JSON array of the parts: ids may contain any printable character, so joining them with a
     * separator could make two rows share a key; a JSON array cannot.
     */
    public static String keyOf(ActivityScope scope, Granularity granularity, String bucket, String repId, String teamId) {
        return Json.MAPPER.writeValueAsString(Arrays.asList(scope.name(), granularity.name(), bucket, repId, teamId));
    }

    /** The key under which a customer is remembered as counted in this row. */
    public String customerKey(String customerId) {
        return Json.MAPPER.writeValueAsString(List.of(key(), customerId));
    }

    /** This row with another row's figures added (the same row's delta: identity is kept). */
    public ActivityRow plus(ActivityRow delta) {
        Map<String, Long> channels = new TreeMap<>(byChannel);
        delta.byChannel().forEach((channel, n) -> channels.merge(channel, n, Long::sum));
        return new ActivityRow(scope, repId, teamId, granularity, bucket, periodStart, periodEnd,
                followUps + delta.followUps(), customers + delta.customers(), channels);
    }

    public ActivityRow plus(String channel, boolean newCustomer) {
        Map<String, Long> channels = new TreeMap<>(byChannel);
        channels.merge(channel, 1L, Long::sum);
        return new ActivityRow(scope, repId, teamId, granularity, bucket, periodStart, periodEnd,
                followUps + 1, customers + (newCustomer ? 1 : 0), channels);
    }
}
