package dev.pulse.report.alerts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Fits messages into a robot's size limit and rate: several messages that piled up for one robot
 * are merged into as few as its size allows, and one message too long for it is shortened by whole
 * lines, saying how many lines were left out. Nothing is dropped: every merged message keeps each
 * part's title and alertId.
 */
final class RobotPacking {

    private static final String SEPARATOR = "\n\n";
    /** Room for the merged title ("12 条提醒 alerts"). */
    private static final int MERGE_HEADER = 64;

    private RobotPacking() {
    }

    /**
     * Consecutive groups of items whose messages merged fit in {@code maxBytes}, in their order; an
     * item too long alone is a group of its own (and is shortened when sent).
     */
    static <T> List<List<T>> groups(List<T> items, Function<T, RobotMessage> message, int maxBytes) {
        List<List<T>> groups = new ArrayList<>();
        List<T> current = new ArrayList<>();
        int bytes = 0;
        for (T item : items) {
            int size = partBytes(message.apply(item));
            if (!current.isEmpty() && bytes + size > maxBytes - MERGE_HEADER) {
                groups.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(item);
            bytes += size;
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }

    /** One message for a group: the message itself, or a merge headed by the count; then shortened to fit. */
    static RobotMessage merged(List<RobotMessage> group, int maxBytes) {
        if (group.size() == 1) {
            return shortened(group.getFirst(), maxBytes);
        }
        StringBuilder text = new StringBuilder();
        Set<String> mobiles = new LinkedHashSet<>();
        Set<String> userIds = new LinkedHashSet<>();
        for (RobotMessage part : group) {
            if (!text.isEmpty()) {
                text.append(SEPARATOR);
            }
            text.append("【").append(part.title()).append("】\n").append(part.text());
            mobiles.addAll(part.mobiles());
            userIds.addAll(part.userIds());
        }
        String title = group.size() + " 条提醒 alerts";
        return shortened(new RobotMessage(title, text.toString(), List.copyOf(mobiles), List.copyOf(userIds)), maxBytes);
    }

    /** The message with as many whole lines of its text as fit, and a last line counting the ones left out. */
    static RobotMessage shortened(RobotMessage message, int maxBytes) {
        if (message.bytes() <= maxBytes) {
            return message;
        }
        String[] lines = message.text().split("\n", -1);
        int budget = maxBytes - (message.bytes() - RobotMessage.utf8(message.text())) - 80;
        StringBuilder kept = new StringBuilder();
        int used = 0;
        int keptLines = 0;
        for (String line : lines) {
            int size = RobotMessage.utf8(line) + 1;
            if (used + size > budget) {
                break;
            }
            kept.append(line).append('\n');
            used += size;
            keptLines++;
        }
        int leftOut = lines.length - keptLines;
        kept.append("…… 另有 ").append(leftOut).append(" 行未显示 (").append(leftOut).append(" more lines not shown)");
        return new RobotMessage(message.title(), kept.toString(), message.mobiles(), message.userIds());
    }

    private static int partBytes(RobotMessage message) {
        return message.bytes() + RobotMessage.utf8("【】\n") + SEPARATOR.length();
    }
}
