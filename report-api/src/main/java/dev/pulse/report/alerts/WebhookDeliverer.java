package dev.pulse.report.alerts;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import dev.pulse.events.Json;
import tools.jackson.core.type.TypeReference;

/**
 * Delivers the webhook outbox: claims due rows (see {@link Deliveries}), POSTs each send on its
 * own virtual thread with a timeout (5 s by default), and counts a send as delivered only when the receiver
 * confirms it (a robot's {@code errcode}/{@code code} 0). A failure doubles the wait before the
 * next attempt up to the configured maximum, and after the retry budget the row is marked failed:
 * counted in {@code pulse.webhooks.undeliverable}, listed by the admin API, never silently dropped.
 * The stream and the projector never wait for a receiver.
 */
@Component
class WebhookDeliverer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliverer.class);

    private final Deliveries deliveries;
    private final ReceiverSecrets secrets;
    private final AlertProperties properties;
    private final MeterRegistry meters;
    private final String instance;
    private final HttpClient http;
    private volatile boolean running;
    private Thread worker;

    WebhookDeliverer(Deliveries deliveries, ReceiverSecrets secrets, AlertProperties properties, MeterRegistry meters) {
        this.deliveries = deliveries;
        this.secrets = secrets;
        this.properties = properties;
        this.meters = meters;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        // unique per process: a lease names the instance that holds it
        this.instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        Gauge.builder("pulse.webhooks.failed.pending", deliveries, Deliveries::failedCount)
                .description("deliveries whose retry budget is spent, waiting for an admin's retry")
                .register(meters);
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

    /** One pass: claim what is due and send it; package-private so tests can drive it. */
    void deliverDue() {
        List<Deliveries.Send> sends = deliveries.claim(instance);
        if (sends.isEmpty()) {
            return;
        }
        try (ExecutorService posts = Executors.newVirtualThreadPerTaskExecutor()) {
            sends.forEach(send -> posts.submit(() -> deliver(send)));
            posts.shutdown();
            posts.awaitTermination(properties.timeout().multipliedBy(3).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(Deliveries.Send send) {
        RobotAnswer answer;
        try {
            HttpRequest request = request(send, Instant.now());
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            answer = RobotAnswer.of(send.format(), response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            answer = new RobotAnswer(RobotAnswer.Verdict.FAILED,
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        String format = send.format().name().toLowerCase(java.util.Locale.ROOT);
        switch (answer.verdict()) {
            case DELIVERED -> {
                deliveries.delivered(instance, send.rows());
                meters.counter("pulse.webhooks.delivered", "format", format).increment(send.rows().size());
                if (send.rows().size() > 1) {
                    meters.counter("pulse.webhooks.merged", "format", format).increment(send.rows().size());
                }
            }
            case RATE_LIMITED -> {
                deliveries.rateLimited(instance, send.rows(), answer.error());
                meters.counter("pulse.webhooks.rate_limited", "format", format).increment();
                log.info("robot {} says too fast ({}); {} messages wait {}", FailedDelivery.masked(send.webhook()),
                        answer.error(), send.rows().size(), properties.robotRateWindow());
            }
            case FAILED -> {
                int givenUp = deliveries.failed(instance, send.rows(), answer.error());
                meters.counter("pulse.webhooks.failures", "format", format).increment();
                if (givenUp > 0) {
                    meters.counter("pulse.webhooks.undeliverable", "format", format).increment(givenUp);
                    log.warn("webhook {} failed ({}): {} messages undeliverable after {} attempts, see GET /api/v1/admin/alert-deliveries",
                            FailedDelivery.masked(send.webhook()), answer.error(), givenUp, properties.maxAttempts());
                } else {
                    log.info("webhook {} failed ({}), will retry", FailedDelivery.masked(send.webhook()), answer.error());
                }
            }
        }
    }

    /** The request for one send: the payload as queued, or the robot's message merged, shortened and signed now. */
    HttpRequest request(Deliveries.Send send, Instant now) {
        Deliveries.Row first = send.rows().getFirst();
        String secret = secrets.secretFor(send.webhook());
        URI url = URI.create(send.webhook());
        String body;
        if (!send.format().isRobot() || first.message() == null) {
            body = first.payload();
        } else {
            RobotMessage message = RobotPacking.merged(send.rows().stream().map(Deliveries.Row::message).toList(),
                    send.format().maxBytes());
            body = send.format().robotBody(message);
        }
        if (secret != null && send.format() == WebhookFormat.DINGTALK) {
            url = RobotSigning.dingTalk(url, secret, now);
        }
        if (secret != null && send.format() == WebhookFormat.FEISHU) {
            Map<String, Object> signed = new java.util.LinkedHashMap<>();
            long seconds = now.getEpochSecond();
            signed.put("timestamp", Long.toString(seconds));
            signed.put("sign", RobotSigning.feishuSign(secret, seconds));
            signed.putAll(Json.MAPPER.readValue(body, new TypeReference<Map<String, Object>>() { }));
            body = Json.MAPPER.writeValueAsString(signed);
        }
        return HttpRequest.newBuilder(url)
                .timeout(properties.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("X-Pulse-Message-Id", first.messageId().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
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
