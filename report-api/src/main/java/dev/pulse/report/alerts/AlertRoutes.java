package dev.pulse.report.alerts;

import static dev.pulse.report.db.Tables.ALERT_CONTACT;
import static dev.pulse.report.db.Tables.ALERT_ROUTE;

import dev.pulse.report.db.tables.records.AlertRouteRecord;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Repository;

/**
 * The receivers admins configured (alert_route) and how robots @mention each rep (alert_contact).
 * Read inside the caller's transaction when messages are queued, so a change applies to the next
 * alert without a restart.
 */
@Repository
class AlertRoutes {

    private final DSLContext db;

    AlertRoutes(DSLContext db) {
        this.db = db;
    }

    List<Route> all(DSLContext tx) {
        return tx.selectFrom(ALERT_ROUTE)
                .orderBy(ALERT_ROUTE.SCOPE, ALERT_ROUTE.SCOPE_ID, ALERT_ROUTE.CREATED_AT, ALERT_ROUTE.ROUTE_ID)
                .fetch(AlertRoutes::route);
    }

    List<Route> all() {
        return all(db);
    }

    Optional<Route> find(UUID routeId) {
        return db.selectFrom(ALERT_ROUTE).where(ALERT_ROUTE.ROUTE_ID.eq(routeId)).fetchOptional(AlertRoutes::route);
    }

    boolean exists(Route route, UUID except) {
        return db.fetchExists(ALERT_ROUTE, ALERT_ROUTE.SCOPE.eq(route.scope().name())
                .and(route.scopeId() == null ? ALERT_ROUTE.SCOPE_ID.isNull() : ALERT_ROUTE.SCOPE_ID.eq(route.scopeId()))
                .and(ALERT_ROUTE.URL.eq(route.url().toString()))
                .and(except == null ? org.jooq.impl.DSL.noCondition() : ALERT_ROUTE.ROUTE_ID.ne(except)));
    }

    void insert(Route route) {
        db.insertInto(ALERT_ROUTE, ALERT_ROUTE.ROUTE_ID, ALERT_ROUTE.SCOPE, ALERT_ROUTE.SCOPE_ID, ALERT_ROUTE.FORMAT,
                        ALERT_ROUTE.URL, ALERT_ROUTE.SECRET)
                .values(route.routeId(), route.scope().name(), route.scopeId(), route.format().name(), route.url().toString(),
                        route.secret())
                .execute();
    }

    boolean update(Route route) {
        return db.update(ALERT_ROUTE)
                .set(ALERT_ROUTE.SCOPE, route.scope().name())
                .set(ALERT_ROUTE.SCOPE_ID, route.scopeId())
                .set(ALERT_ROUTE.FORMAT, route.format().name())
                .set(ALERT_ROUTE.URL, route.url().toString())
                .set(ALERT_ROUTE.SECRET, route.secret())
                .set(ALERT_ROUTE.UPDATED_AT, OffsetDateTime.now())
                .where(ALERT_ROUTE.ROUTE_ID.eq(route.routeId()))
                .execute() == 1;
    }

    boolean delete(UUID routeId) {
        return db.deleteFrom(ALERT_ROUTE).where(ALERT_ROUTE.ROUTE_ID.eq(routeId)).execute() == 1;
    }

    /** The secret of a receiver configured here, by its address; null when none signs. */
    String secretFor(String url) {
        return db.select(ALERT_ROUTE.SECRET).from(ALERT_ROUTE)
                .where(ALERT_ROUTE.URL.eq(url)).and(ALERT_ROUTE.SECRET.isNotNull())
                .limit(1).fetchOne(ALERT_ROUTE.SECRET);
    }

    void saveContact(Contact contact) {
        db.insertInto(ALERT_CONTACT, ALERT_CONTACT.REP_ID, ALERT_CONTACT.MOBILE, ALERT_CONTACT.WECOM_USER_ID,
                        ALERT_CONTACT.DINGTALK_USER_ID, ALERT_CONTACT.FEISHU_USER_ID)
                .values(contact.repId(), contact.mobile(), contact.wecomUserId(), contact.dingtalkUserId(),
                        contact.feishuUserId())
                .onConflict(ALERT_CONTACT.REP_ID).doUpdate()
                .set(ALERT_CONTACT.MOBILE, contact.mobile())
                .set(ALERT_CONTACT.WECOM_USER_ID, contact.wecomUserId())
                .set(ALERT_CONTACT.DINGTALK_USER_ID, contact.dingtalkUserId())
                .set(ALERT_CONTACT.FEISHU_USER_ID, contact.feishuUserId())
                .set(ALERT_CONTACT.UPDATED_AT, OffsetDateTime.now())
                .execute();
    }

    boolean deleteContact(String repId) {
        return db.deleteFrom(ALERT_CONTACT).where(ALERT_CONTACT.REP_ID.eq(repId)).execute() == 1;
    }

    List<Contact> contacts() {
        return db.select(ALERT_CONTACT.REP_ID, ALERT_CONTACT.MOBILE, ALERT_CONTACT.WECOM_USER_ID,
                        ALERT_CONTACT.DINGTALK_USER_ID, ALERT_CONTACT.FEISHU_USER_ID)
                .from(ALERT_CONTACT).orderBy(ALERT_CONTACT.REP_ID)
                .fetch(Records.mapping(Contact::new));
    }

    Map<String, Contact> contacts(DSLContext tx, Collection<String> repIds) {
        if (repIds.isEmpty()) {
            return Map.of();
        }
        return tx.select(ALERT_CONTACT.REP_ID, ALERT_CONTACT.MOBILE, ALERT_CONTACT.WECOM_USER_ID,
                        ALERT_CONTACT.DINGTALK_USER_ID, ALERT_CONTACT.FEISHU_USER_ID)
                .from(ALERT_CONTACT).where(ALERT_CONTACT.REP_ID.in(repIds))
                .fetch(Records.mapping(Contact::new)).stream()
                .collect(Collectors.toMap(Contact::repId, contact -> contact));
    }

    private static Route route(AlertRouteRecord r) {
        return new Route(r.getRouteId(), Route.Scope.valueOf(r.getScope()), r.getScopeId(), WebhookFormat.valueOf(r.getFormat()),
                URI.create(r.getUrl()), r.getSecret(), r.getCreatedAt(), r.getUpdatedAt());
    }
}
