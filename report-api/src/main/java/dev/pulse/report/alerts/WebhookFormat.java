package dev.pulse.report.alerts;

import dev.pulse.events.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The body a receiver expects: the generic JSON, or the group-robot message of WeCom (企业微信),
 * DingTalk (钉钉) or Feishu (飞书). Every body carries the alertId (or digest id) so a receiver can
 * drop the repeats that at-least-once delivery may bring.
 */
public enum WebhookFormat {
    /** No size limit of its own; one JSON document per message, never merged. */
    GENERIC(Integer.MAX_VALUE),
    /** markdown.content may hold 4096 bytes, text.content 2048; a message with @mentions is text. */
    WECOM(2000),
    /** The robot refuses bodies over 20,000 bytes; the text keeps a margin for title and mentions. */
    DINGTALK(18_000),
    /** The robot refuses request bodies over 20 KB. */
    FEISHU(18_000);

    private final int maxBytes;

    WebhookFormat(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The most UTF-8 bytes of title, text and mentions ({@link RobotMessage#bytes()}) one message may carry. */
    int maxBytes() {
        return maxBytes;
    }

    boolean isRobot() {
        return this != GENERIC;
    }

    /** @param generic the full message as generic JSON; {@code text} the same for people to read */
    String body(Map<String, Object> generic, String title, String text) {
        return this == GENERIC ? Json.MAPPER.writeValueAsString(generic) : robotBody(new RobotMessage(title, text, null, null));
    }

    /** A robot's body for one (possibly merged) message, @mentions in the way each robot knows. */
    String robotBody(RobotMessage message) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean mentions = !message.mobiles().isEmpty() || !message.userIds().isEmpty();
        switch (this) {
            case GENERIC -> throw new IllegalStateException("generic receivers get the generic JSON");
            case WECOM -> {
                if (mentions) {
                    // only the text message knows mentioned_list and mentioned_mobile_list
                    body.put("msgtype", "text");
                    Map<String, Object> content = new LinkedHashMap<>();
                    content.put("content", message.title() + "\n" + message.text());
                    content.put("mentioned_list", message.userIds());
                    content.put("mentioned_mobile_list", message.mobiles());
                    body.put("text", content);
                } else {
                    body.put("msgtype", "markdown");
                    body.put("markdown", Map.of("content", "**" + message.title() + "**\n" + message.text()));
                }
            }
            case DINGTALK -> {
                // DingTalk shows an @ only where "@mobile" or "@userId" also stands in the text
                String at = mentions ? "\n\n" + tagged(message.mobiles(), message.userIds()) : "";
                body.put("msgtype", "markdown");
                body.put("markdown", Map.of("title", message.title(), "text", "### " + message.title() + "\n" + message.text() + at));
                Map<String, Object> atField = new LinkedHashMap<>();
                atField.put("atMobiles", message.mobiles());
                atField.put("atUserIds", message.userIds());
                atField.put("isAtAll", false);
                body.put("at", atField);
            }
            case FEISHU -> {
                // Feishu's text message mentions by open_id/user_id; it has no mention by mobile
                String at = message.userIds().stream().map(id -> "<at user_id=\"" + id + "\"></at>")
                        .collect(Collectors.joining(" "));
                body.put("msg_type", "text");
                body.put("content", Map.of("text", message.title() + "\n" + message.text() + (at.isEmpty() ? "" : "\n" + at)));
            }
        }
        return Json.MAPPER.writeValueAsString(body);
    }

    private static String tagged(List<String> mobiles, List<String> userIds) {
        return java.util.stream.Stream.concat(mobiles.stream(), userIds.stream()).map(id -> "@" + id)
                .collect(Collectors.joining(" "));
    }

    static WebhookFormat parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown webhook format '" + name + "': use generic, wecom, dingtalk or feishu");
        }
    }
}
