package dev.pulse.report.alerts;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One receiver of a rep, of a team, or of everyone not routed elsewhere (DEFAULT).
 *
 * @param scopeId the rep or team id; null for DEFAULT
 * @param secret  the robot's signing secret, null when it does not sign
 */
record Route(UUID routeId, Scope scope, String scopeId, WebhookFormat format, URI url, String secret,
             OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    enum Scope { REP, TEAM, DEFAULT }

    Webhook webhook() {
        return new Webhook(url, format, secret);
    }

    /** As the admin API shows it: the robot's key masked, the secret only as "there is one". */
    RouteView view() {
        return new RouteView(routeId, scope.name(), scopeId, format.name().toLowerCase(java.util.Locale.ROOT),
                FailedDelivery.masked(url.toString()), secret != null, createdAt, updatedAt);
    }

    /** A route as the API lists it. */
    public record RouteView(UUID routeId, String scope, String scopeId, String format, String url, boolean signed,
                            OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }
}
