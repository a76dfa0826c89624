package dev.pulse.report.alerts;

import dev.pulse.events.messages.MessageCode;
import dev.pulse.report.web.BadRequestException;
import dev.pulse.report.web.Parameters;
import dev.pulse.report.web.Rows;
import dev.pulse.security.audit.AuditLog;
import dev.pulse.security.web.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * ADMIN only (the /api/v1/admin prefix): who receives alerts (routes per rep, per team, default),
 * how robots @mention each rep, and the deliveries that failed after the retry budget, with their
 * retry. Every change is audited; a change applies to the next message.
 */
@RestController
@RequestMapping("/api/v1/admin")
class AlertAdminController {

    private final AlertRoutes routes;
    private final Deliveries deliveries;
    private final AuditLog audit;

    AlertAdminController(AlertRoutes routes, Deliveries deliveries, AuditLog audit) {
        this.routes = routes;
        this.deliveries = deliveries;
        this.audit = audit;
    }

    @Operation(summary = "Every alert route: scope REP, TEAM or DEFAULT (robot keys masked, secrets never shown)")
    @GetMapping("/alert-routes")
    Rows<Route.RouteView> list() {
        return new Rows<>(routes.all().stream().map(Route::view).toList());
    }

    @Operation(summary = "Add a receiver for a rep, a team, or everyone else (DEFAULT)")
    @PostMapping("/alert-routes")
    ResponseEntity<?> create(@RequestBody RouteRequest request) {
        Route route = body(request).validated(UUID.randomUUID(), null);
        if (routes.exists(route, null)) {
            return conflict(route);
        }
        routes.insert(route);
        audit("alert-route.create", route);
        return ResponseEntity.status(HttpStatus.CREATED).body(routes.find(route.routeId()).orElseThrow().view());
    }

    @Operation(summary = "Change a route; a null secret keeps the current one, an empty one removes it")
    @PutMapping("/alert-routes/{routeId}")
    ResponseEntity<?> update(@PathVariable UUID routeId, @RequestBody RouteRequest request) {
        Route current = routes.find(routeId).orElse(null);
        if (current == null) {
            return ResponseEntity.notFound().build();
        }
        Route route = body(request).validated(routeId, current.secret());
        if (routes.exists(route, routeId)) {
            return conflict(route);
        }
        routes.update(route);
        audit("alert-route.update", route);
        return ResponseEntity.ok(routes.find(routeId).orElseThrow().view());
    }

    @Operation(summary = "Remove a route; messages already queued for it are still delivered")
    @DeleteMapping("/alert-routes/{routeId}")
    ResponseEntity<Void> delete(@PathVariable UUID routeId) {
        return removed(routes.delete(routeId), "alert-route.delete", routeId.toString());
    }

    @Operation(summary = "How robots @mention each rep")
    @GetMapping("/alert-contacts")
    Rows<Contact> contacts() {
        return new Rows<>(routes.contacts());
    }

    @Operation(summary = "Set how robots @mention a rep: mobile (WeCom, DingTalk) and each robot's user id")
    @PutMapping("/alert-contacts/{repId}")
    ResponseEntity<Void> saveContact(@PathVariable String repId, @RequestBody Contact request) {
        if (request == null) {
            throw new BadRequestException(MessageCode.JSON_BODY_REQUIRED);
        }
        Contact contact = request.validated(repId);
        routes.saveContact(contact);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("mobile", contact.mobile() != null);
        details.put("wecomUserId", contact.wecomUserId());
        details.put("dingtalkUserId", contact.dingtalkUserId());
        details.put("feishuUserId", contact.feishuUserId());
        audit.record(CurrentUser.get(), "alert-contact.save", repId, details);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/alert-contacts/{repId}")
    ResponseEntity<Void> deleteContact(@PathVariable String repId) {
        return removed(routes.deleteContact(repId), "alert-contact.delete", repId);
    }

    @Operation(summary = "Deliveries that failed after the retry budget, newest first (robot addresses masked)")
    @GetMapping("/alert-deliveries")
    Rows<FailedDelivery> failed(@RequestParam(defaultValue = "100") int limit) {
        return new Rows<>(deliveries.failedDeliveries(Parameters.limit(limit, 1000)));
    }

    @Operation(summary = "Send a failed message again with a new retry budget (every receiver it failed on)")
    @PostMapping("/alert-deliveries/{messageId}/retry")
    ResponseEntity<Map<String, Integer>> retry(@PathVariable UUID messageId) {
        int rows = deliveries.retry(messageId);
        if (rows == 0) {
            return ResponseEntity.notFound().build();
        }
        audit.record(CurrentUser.get(), "alert-delivery.retry", messageId.toString(), Map.of("deliveries", rows));
        return ResponseEntity.ok(Map.of("deliveries", rows));
    }

    @Operation(summary = "Send every failed delivery again with a new retry budget")
    @PostMapping("/alert-deliveries/retry")
    Map<String, Integer> retryAll() {
        int rows = deliveries.retry(null);
        audit.record(CurrentUser.get(), "alert-delivery.retry", "all", Map.of("deliveries", rows));
        return Map.of("deliveries", rows);
    }

    /** 204 once something was removed, audited by what it was; 404 when there was nothing to remove. */
    private ResponseEntity<Void> removed(boolean removed, String action, String resource) {
        if (!removed) {
            return ResponseEntity.notFound().build();
        }
        audit.record(CurrentUser.get(), action, resource, Map.of());
        return ResponseEntity.noContent().build();
    }

    private static RouteRequest body(RouteRequest request) {
        if (request == null) {
            throw new BadRequestException(MessageCode.JSON_BODY_REQUIRED);
        }
        return request;
    }

    private static ResponseEntity<ProblemDetail> conflict(Route route) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "this " + route.scope() + " route to " + FailedDelivery.masked(route.url().toString()) + " exists already");
        problem.setTitle("Duplicate route");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    private void audit(String action, Route route) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("scope", route.scope().name());
        details.put("scopeId", route.scopeId());
        details.put("format", route.format().name());
        details.put("url", FailedDelivery.masked(route.url().toString()));
        details.put("signed", route.secret() != null);
        audit.record(CurrentUser.get(), action, route.routeId().toString(), details);
    }
}
