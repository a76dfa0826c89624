package dev.pulse.report.alerts;

import dev.pulse.events.messages.MessageCode;
import dev.pulse.report.web.BadRequestException;
import dev.pulse.report.web.Rows;
import dev.pulse.security.audit.AuditLog;
import dev.pulse.security.web.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN only (the /api/v1/admin prefix): alert deliveries that failed after the retry budget, and their retry. */
@RestController
@RequestMapping("/api/v1/admin/alert-deliveries")
class AlertDeliveryController {

    private final Deliveries deliveries;
    private final AuditLog audit;

    AlertDeliveryController(Deliveries deliveries, AuditLog audit) {
        this.deliveries = deliveries;
        this.audit = audit;
    }

    @Operation(summary = "Deliveries that failed after the retry budget, newest first (robot addresses masked)")
    @GetMapping
    Rows<FailedDelivery> failed(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new BadRequestException(MessageCode.LIMIT_OUT_OF_RANGE, 1000);
        }
        return new Rows<>(deliveries.failedDeliveries(limit));
    }

    @Operation(summary = "Send a failed message again with a new retry budget (every receiver it failed on)")
    @PostMapping("/{messageId}/retry")
    ResponseEntity<Map<String, Integer>> retry(@PathVariable UUID messageId) {
        int rows = deliveries.retry(messageId);
        if (rows == 0) {
            return ResponseEntity.notFound().build();
        }
        audit.record(CurrentUser.get(), "alert-delivery.retry", messageId.toString(), Map.of("deliveries", rows));
        return ResponseEntity.ok(Map.of("deliveries", rows));
    }

    @Operation(summary = "Send every failed delivery again with a new retry budget")
    @PostMapping("/retry")
    Map<String, Integer> retryAll() {
        int rows = deliveries.retry(null);
        audit.record(CurrentUser.get(), "alert-delivery.retry", "all", Map.of("deliveries", rows));
        return Map.of("deliveries", rows);
    }
}
