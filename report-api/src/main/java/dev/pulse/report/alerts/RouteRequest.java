package dev.pulse.report.alerts;

import dev.pulse.events.messages.MessageCode;
import dev.pulse.report.web.BadRequestException;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code POST /api/v1/admin/alert-routes} and {@code PUT .../{routeId}}: a receiver for a rep
 * (scope REP, scopeId the rep id), a team (TEAM, the team id) or everyone else (DEFAULT, no
 * scopeId). On PUT a null secret keeps the current one and an empty one removes it.
 */
public record RouteRequest(String scope, String scopeId, String format, String url, String secret) {

    static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._@-]{0,63}");
    private static final Pattern SECRET = Pattern.compile("[\\x21-\\x7e]{1,200}");

    /** The route this request describes, or a 400 naming the first field that is wrong. */
    Route validated(UUID routeId, String currentSecret) {
        Route.Scope parsedScope;
        try {
            parsedScope = Route.Scope.valueOf(required("scope", scope).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(MessageCode.ROUTE_SCOPE);
        }
        if (parsedScope == Route.Scope.DEFAULT && scopeId != null) {
            throw new BadRequestException(MessageCode.DEFAULT_ROUTE_SCOPE_ID);
        }
        if (parsedScope != Route.Scope.DEFAULT && (scopeId == null || !ID.matcher(scopeId).matches())) {
            throw new BadRequestException(MessageCode.ROUTE_SCOPE_ID, parsedScope.name().toLowerCase(Locale.ROOT));
        }
        WebhookFormat parsedFormat;
        try {
            parsedFormat = WebhookFormat.parse(required("format", format));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(MessageCode.ROBOT_FORMAT, e.getMessage());
        }
        String address = required("url", url);
        URI parsedUrl;
        try {
            parsedUrl = URI.create(address);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(MessageCode.NOT_A_URL);
        }
        if (address.length() > 1000 || parsedUrl.getRawFragment() != null || parsedUrl.getHost() == null
                || !("http".equals(parsedUrl.getScheme()) || "https".equals(parsedUrl.getScheme()))) {
            throw new BadRequestException(MessageCode.BAD_WEBHOOK_URL);
        }
        String parsedSecret = secret == null ? currentSecret : secret.isEmpty() ? null : secret;
        if (parsedSecret != null && !SECRET.matcher(parsedSecret).matches()) {
            throw new BadRequestException(MessageCode.BAD_SECRET);
        }
        if (parsedSecret != null && parsedFormat != WebhookFormat.DINGTALK && parsedFormat != WebhookFormat.FEISHU) {
            throw new BadRequestException(MessageCode.UNSIGNED_ROBOT, format);
        }
        return new Route(routeId, parsedScope, scopeId, parsedFormat, parsedUrl, parsedSecret, null, null);
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException(MessageCode.PARAMETER_REQUIRED, field);
        }
        return value.strip();
    }
}
