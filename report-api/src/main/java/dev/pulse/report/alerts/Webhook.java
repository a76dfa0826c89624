package dev.pulse.report.alerts;

import java.net.URI;

/**
 * One receiver of alerts: {@code https://host/path} (generic JSON) or {@code FORMAT=https://...}
 * with FORMAT one of generic, wecom, dingtalk, feishu. A signing secret (DingTalk 加签, Feishu
 * 签名校验) follows as the URL's fragment, {@code #secret=SEC...}: a fragment is never sent, so the
 * secret cannot leak into the request line.
 *
 * @param secret null when the robot does not check signatures
 */
public record Webhook(URI url, WebhookFormat format, String secret) {

    public static Webhook parse(String spec) {
        String text = spec.strip();
        int equals = text.indexOf('=');
        boolean prefixed = equals > 0 && !text.substring(0, equals).contains(":");
        WebhookFormat format = prefixed ? WebhookFormat.parse(text.substring(0, equals)) : WebhookFormat.GENERIC;
        String address = prefixed ? text.substring(equals + 1) : text;
        String secret = null;
        int hash = address.indexOf('#');
        if (hash >= 0) {
            String fragment = address.substring(hash + 1);
            address = address.substring(0, hash);
            if (!fragment.startsWith("secret=") || fragment.length() == "secret=".length()) {
                throw new IllegalArgumentException("webhook '" + address + "': the only fragment understood is #secret=SECRET");
            }
            secret = fragment.substring("secret=".length());
        }
        URI url = URI.create(address);
        if (url.getScheme() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https"))
                || url.getHost() == null) {
            throw new IllegalArgumentException("webhook '" + address + "' is not an http(s) URL");
        }
        return new Webhook(url, format, secret);
    }

    /** Without the secret: records print every component, and this one ends up in logs. */
    @Override
    public String toString() {
        return format.name().toLowerCase(java.util.Locale.ROOT) + "=" + url + (secret == null ? "" : "#secret=***");
    }
}
