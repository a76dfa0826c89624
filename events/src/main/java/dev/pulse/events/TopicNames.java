package dev.pulse.events;

/**
 * Names and partition count of every Pulse topic, bound from {@code pulse.kafka.topics.*}, the one prefix every service reads.
 * Defaults apply to any name left blank. Replication is one setting for every topic and every
 * client: {@link dev.pulse.events.kafka.KafkaClientSettings}.
 */
public record TopicNames(
        String followups,
        String sales,
        String errors,
        String changes,
        String duplicateFlags,
        String alerts,
        Integer partitions) {

    public TopicNames {
        followups = orDefault(followups, "followups");
        sales = orDefault(sales, "sales");
        errors = orDefault(errors, "pulse-errors");
        changes = orDefault(changes, "pulse-changes");
        duplicateFlags = orDefault(duplicateFlags, "duplicate-flags");
        alerts = orDefault(alerts, "alerts");
        partitions = partitions == null ? 3 : partitions;
    }

    public static TopicNames defaults() {
        return new TopicNames(null, null, null, null, null, null, null);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
