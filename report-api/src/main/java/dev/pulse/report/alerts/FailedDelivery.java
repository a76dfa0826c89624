package dev.pulse.report.alerts;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A delivery whose retry budget is spent, as the admin API lists it. The robot's address is
 * masked: its access token or key (in the query or the last path segment) is what lets anyone post.
 */
public record FailedDelivery(UUID messageId, String event, String webhook, String format, String title, int attempts,
                             String lastError, OffsetDateTime createdAt, OffsetDateTime failedAt) {

    static String masked(String webhook) {
        URI url = URI.create(webhook);
        StringBuilder masked = new StringBuilder(url.getScheme()).append("://").append(url.getRawAuthority());
        for (String segment : url.getRawPath().split("/")) {
            if (!segment.isEmpty()) {
                masked.append('/').append(segment.length() >= 16 ? segment.substring(0, 4) + "***" : segment);
            }
        }
        if (url.getRawQuery() != null) {
            masked.append('?');
            String[] parameters = url.getRawQuery().split("&");
            for (int i = 0; i < parameters.length; i++) {
                int equals = parameters[i].indexOf('=');
                masked.append(i > 0 ? "&" : "").append(equals < 0 ? parameters[i] : parameters[i].substring(0, equals) + "=***");
            }
        }
        return masked.toString();
    }
}
