package dev.pulse.report.alerts;

import dev.pulse.events.Json;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The body a receiver expects: the generic JSON, or the group-robot message of WeCom (企业微信),
 * DingTalk (钉钉) or Feishu (飞书). Every body carries the alertId (or digest id) so a receiver can
 * drop the repeats that at-least-once delivery may bring.
 */
public enum WebhookFormat {
    GENERIC, WECOM, DINGTALK, FEISHU;

    /** @param generic the full message as generic JSON; {@code text} the same for people to read */
    String body(Map<String, Object> generic, String title, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (this) {
            case GENERIC -> body.putAll(generic);
            case WECOM -> {
                body.put("msgtype", "markdown");
                body.put("markdown", Map.of("content", "**" + title + "**\n" + text));
            }
            case DINGTALK -> {
                body.put("msgtype", "markdown");
                body.put("markdown", Map.of("title", title, "text", "### " + title + "\n" + text));
            }
            case FEISHU -> {
                body.put("msg_type", "text");
                body.put("content", Map.of("text", title + "\n" + text));
            }
        }
        return Json.MAPPER.writeValueAsString(body);
    }

    static WebhookFormat parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown webhook format '" + name + "': use generic, wecom, dingtalk or feishu");
        }
    }
}
