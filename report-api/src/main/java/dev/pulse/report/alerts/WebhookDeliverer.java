package dev.pulse.report.alerts;

import static dev.pulse.report.db.Tables.WEBHOOK_DELIVERY;

import dev.pulse.report.db.tables.records.WebhookDeliveryRecord;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Delivers the webhook outbox at least once: every due row is POSTed on its own virtual thread
 * with a 5 s timeout, so a receiver that is down or slow delays only its own rows. A failure
 * doubles the wait before the next attempt, up to the configured maximum; the stream and the
 * projector never wait for a receiver.
 */
@Component
class WebhookDeliverer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliverer.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int BATCH = 100;

    private final DSLContext db;
    private final AlertProperties properties;
    private final MeterRegistry meters;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private volatile boolean running;
    private Thread worker;

    WebhookDeliverer(DSLContext db, AlertProperties properties, MeterRegistry meters) {
        this.db = db;
        this.properties = properties;
        this.meters = meters;
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().daemon().name("webhook-deliverer").start(this::loop);
    }

    private void loop() {
        while (running) {
            try {
                deliverDue();
            } catch (RuntimeException e) {
                log.warn("webhook outbox not readable right now: {}", e.toString());
            }
            try {
                Thread.sleep(properties.pollInterval());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One pass over the due rows; public to the package so tests can drive it. */
    void deliverDue() {
        List<WebhookDeliveryRecord> due = db.selectFrom(WEBHOOK_DELIVERY)
                .where(WEBHOOK_DELIVERY.DELIVERED_AT.isNull())
                .and(WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT.le(OffsetDateTime.now()))
                .orderBy(WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT)
                .limit(BATCH)
                .fetch();
        if (due.isEmpty()) {
            return;
        }
        try (ExecutorService posts = Executors.newVirtualThreadPerTaskExecutor()) {
            due.forEach(row -> posts.submit(() -> deliver(row)));
            posts.shutdown();
            posts.awaitTermination(TIMEOUT.multipliedBy(3).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(WebhookDeliveryRecord row) {
        String error;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(row.getWebhook()))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("X-Pulse-Message-Id", row.getMessageId().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(row.getPayload())).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                markDelivered(row);
                return;
            }
            error = "HTTP " + response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        scheduleRetry(row, error);
    }

    private void markDelivered(WebhookDeliveryRecord row) {
        db.update(WEBHOOK_DELIVERY)
                .set(WEBHOOK_DELIVERY.DELIVERED_AT, OffsetDateTime.now())
                .set(WEBHOOK_DELIVERY.ATTEMPTS, row.getAttempts() + 1)
                .where(key(row)).execute();
        meters.counter("pulse.webhooks.delivered", "format", row.getFormat()).increment();
    }

    private void scheduleRetry(WebhookDeliveryRecord row, String error) {
        int attempts = row.getAttempts() + 1;
        Duration wait = backoff(attempts, properties.maxBackoff());
        db.update(WEBHOOK_DELIVERY)
                .set(WEBHOOK_DELIVERY.ATTEMPTS, attempts)
                .set(WEBHOOK_DELIVERY.LAST_ERROR, error)
                .set(WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT, OffsetDateTime.now().plus(wait))
                .where(key(row)).execute();
        meters.counter("pulse.webhooks.failures", "format", row.getFormat()).increment();
        log.info("webhook {} failed ({}), attempt {}, next in {}", row.getWebhook(), error, attempts, wait);
    }

    /** 1 s, 2 s, 4 s, ... up to {@code max}. */
    static Duration backoff(int attempts, Duration max) {
        long seconds = 1L << Math.min(attempts - 1, 20);
        Duration wait = Duration.ofSeconds(seconds);
        return wait.compareTo(max) > 0 ? max : wait;
    }

    private static org.jooq.Condition key(WebhookDeliveryRecord row) {
        return WEBHOOK_DELIVERY.MESSAGE_ID.eq(row.getMessageId())
                .and(WEBHOOK_DELIVERY.EVENT.eq(row.getEvent()))
                .and(WEBHOOK_DELIVERY.WEBHOOK.eq(row.getWebhook()));
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
