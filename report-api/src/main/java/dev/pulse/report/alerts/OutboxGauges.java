package dev.pulse.report.alerts;

import static dev.pulse.report.db.Tables.WEBHOOK_DELIVERY;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The webhook outbox as Prometheus sees it (docs/operations.md, Metrics), read from PostgreSQL at
 * each scrape, so every report-api instance reports the whole outbox, whoever holds the rows:
 * <ul>
 *   <li>{@code pulse_webhooks_backlog}: messages not yet delivered and not given up;</li>
 *   <li>{@code pulse_webhooks_retrying}: of those, the ones whose receiver refused or did not answer at
 *       least once (alerts failing delivery right now);</li>
 *   <li>{@code pulse_webhooks_oldest_pending_seconds}: how long the oldest of the backlog has waited (0
 *       when there is none).</li>
 * </ul>
 * Messages whose retry budget is spent are {@code pulse_webhooks_failed_pending} ({@link WebhookDeliverer}).
 */
@Component
class OutboxGauges {

    OutboxGauges(DSLContext db, MeterRegistry meters) {
        Gauge.builder("pulse.webhooks.backlog", db, OutboxGauges::backlog)
                .description("webhook messages not yet delivered (retry budget not spent)")
                .register(meters);
        Gauge.builder("pulse.webhooks.retrying", db, OutboxGauges::retrying)
                .description("webhook messages not yet delivered whose receiver failed at least once")
                .register(meters);
        Gauge.builder("pulse.webhooks.oldest.pending", db, OutboxGauges::oldestPendingSeconds)
                .description("age of the oldest webhook message not yet delivered")
                .baseUnit("seconds")
                .register(meters);
    }

    private static double backlog(DSLContext db) {
        return db.fetchCount(WEBHOOK_DELIVERY, pending());
    }

    private static double retrying(DSLContext db) {
        return db.fetchCount(WEBHOOK_DELIVERY, pending().and(WEBHOOK_DELIVERY.ATTEMPTS.gt(0)));
    }

    private static double oldestPendingSeconds(DSLContext db) {
        OffsetDateTime oldest = db.select(DSL.min(WEBHOOK_DELIVERY.CREATED_AT)).from(WEBHOOK_DELIVERY)
                .where(pending()).fetchOne(0, OffsetDateTime.class);
        return oldest == null ? 0 : Math.max(0, oldest.until(OffsetDateTime.now(), ChronoUnit.MILLIS) / 1000.0);
    }

    private static Condition pending() {
        return WEBHOOK_DELIVERY.DELIVERED_AT.isNull().and(WEBHOOK_DELIVERY.FAILED_AT.isNull());
    }
}
