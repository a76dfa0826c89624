package dev.pulse.processor.stale;

import dev.pulse.events.alerts.AlertKind;
import java.time.Instant;

/**
 * Keys of the due-time index: zero-padded epoch millis first, so a range scan up to "now" visits
 * exactly the customers whose time has come and never the rest.
 */
final class DueIndex {

    static final String SEPARATOR = "|";

    private DueIndex() {
    }

    static String key(Instant due, AlertKind kind, String customerId) {
        return "%015d".formatted(Math.max(0, due.toEpochMilli())) + SEPARATOR + kind.name() + SEPARATOR + customerId;
    }

    /** Below every key: the start of a scan. */
    static final String FIRST = "0".repeat(15);

    /** The last possible key at {@code now}: every entry due at or before it sorts below. */
    static String upTo(long nowMillis) {
        return "%015d".formatted(nowMillis) + SEPARATOR + "~";
    }

    static Instant due(String key) {
        return Instant.ofEpochMilli(Long.parseLong(key.substring(0, 15)));
    }

    static AlertKind kind(String key) {
        String rest = key.substring(16);
        return AlertKind.valueOf(rest.substring(0, rest.indexOf(SEPARATOR)));
    }

    static String customerId(String key) {
        String rest = key.substring(16);
        return rest.substring(rest.indexOf(SEPARATOR) + 1);
    }
}
