package dev.pulse.report.alerts;

import java.net.URI;

/**
 * One receiver of alerts: {@code https://host/path} (generic JSON) or {@code FORMAT=https://...}
 * with FORMAT one of generic, wecom, dingtalk, feishu.
 */
public record Webhook(URI url, WebhookFormat format) {

    public static Webhook parse(String spec) {
        String text = spec.strip();
        int equals = text.indexOf('=');
        boolean prefixed = equals > 0 && !text.substring(0, equals).contains(":");
        WebhookFormat format = prefixed ? WebhookFormat.parse(text.substring(0, equals)) : WebhookFormat.GENERIC;
        URI url = URI.create(prefixed ? text.substring(equals + 1) : text);
        if (url.getScheme() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
            throw new IllegalArgumentException("webhook '" + spec + "' is not an http(s) URL");
        }
        return new Webhook(url, format);
    }
}
