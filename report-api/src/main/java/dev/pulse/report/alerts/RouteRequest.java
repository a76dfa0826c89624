package dev.pulse.report.alerts;

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
            throw new BadRequestException("scope must be one of REP, TEAM, DEFAULT");
        }
        if (parsedScope == Route.Scope.DEFAULT && scopeId != null) {
            throw new BadRequestException("a DEFAULT route has no scopeId");
        }
        if (parsedScope != Route.Scope.DEFAULT && (scopeId == null || !ID.matcher(scopeId).matches())) {
            throw new BadRequestException("scopeId (the " + parsedScope.name().toLowerCase(Locale.ROOT)
                    + " id) must be 1 to 64 letters, digits, '.', '_', '@' or '-'");
        }
        WebhookFormat parsedFormat;
        try {
            parsedFormat = WebhookFormat.parse(required("format", format));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        String address = required("url", url);
        URI parsedUrl;
        try {
            parsedUrl = URI.create(address);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("url is not a URL");
        }
        if (address.length() > 1000 || parsedUrl.getRawFragment() != null || parsedUrl.getHost() == null
                || !("http".equals(parsedUrl.getScheme()) || "https".equals(parsedUrl.getScheme()))) {
            throw new BadRequestException("url must be an http(s) URL of at most 1000 characters, without a #fragment");
        }
        String parsedSecret = secret == null ? currentSecret : secret.isEmpty() ? null : secret;
        if (parsedSecret != null && !SECRET.matcher(parsedSecret).matches()) {
            throw new BadRequestException("secret must be 1 to 200 printable ASCII characters");
        }
        if (parsedSecret != null && parsedFormat != WebhookFormat.DINGTALK && parsedFormat != WebhookFormat.FEISHU) {
            throw new BadRequestException("only dingtalk and feishu robots sign messages: give no secret for " + format);
        }
        return new Route(routeId, parsedScope, scopeId, parsedFormat, parsedUrl, parsedSecret, null, null);
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException(field + " is required");
        }
        return value.strip();
    }
}
