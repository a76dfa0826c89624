package dev.pulse.report.alerts;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a group robot shows: a title, the text, and whom to @mention (mobile numbers and the
 * robot's own user ids). Kept apart from the JSON of each robot so that several can be merged into
 * one message and a long one shortened before it is put in the robot's format.
 */
record RobotMessage(String title, String text, List<String> mobiles, List<String> userIds) {

    RobotMessage {
        mobiles = mobiles == null ? List.of() : List.copyOf(mobiles);
        userIds = userIds == null ? List.of() : List.copyOf(userIds);
    }

    /** UTF-8 bytes of what the robot counts against its limit, the mentions included. */
    int bytes() {
        return utf8(title) + utf8(text) + 24 * (mobiles.size() + userIds.size());
    }

    static int utf8(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }
}
