package dev.pulse.report.alerts;

import static dev.pulse.report.db.Tables.WEBHOOK_DELIVERY;
import static dev.pulse.report.db.Tables.WEBHOOK_SEND;

import dev.pulse.report.db.tables.records.WebhookDeliveryRecord;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The webhook outbox as the deliverers share it. Claiming is one short transaction under a
 * PostgreSQL advisory lock: it picks the due rows no other instance holds, reserves each robot's
 * sends against its rate, and leases the rows to this instance; the HTTP calls happen after it
 * commits, so a slow robot holds no lock, and a lease that runs out (an instance that died) frees
 * its rows for the others. Two instances therefore never send one row at the same time.
 */
@Repository
class Deliveries {

    /** Any constant: the key of the advisory lock that serialises claims across instances. */
    private static final long CLAIM_LOCK = 0x70756c7365L;
    private static final int BATCH = 500;

    /** One outbox row; {@code message} is null for rows queued before V8, sent as their payload. */
    record Row(UUID messageId, String event, String webhook, WebhookFormat format, String payload,
               RobotMessage message, int attempts) {
    }

    /** One HTTP request to make: a row alone, or several rows of one robot merged. */
    record Send(String webhook, WebhookFormat format, List<Row> rows) {
    }

    private final DSLContext db;
    private final AlertProperties properties;

    Deliveries(DSLContext db, AlertProperties properties) {
        this.db = db;
        this.properties = properties;
    }

    List<Send> claim(String instance) {
        return db.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            OffsetDateTime now = OffsetDateTime.now();
            t.select(DSL.field("pg_advisory_xact_lock({0})", Object.class, DSL.val(CLAIM_LOCK))).fetch();
            List<Row> due = t.selectFrom(WEBHOOK_DELIVERY)
                    .where(WEBHOOK_DELIVERY.DELIVERED_AT.isNull())
                    .and(WEBHOOK_DELIVERY.FAILED_AT.isNull())
                    .and(WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT.le(now))
                    .and(WEBHOOK_DELIVERY.CLAIMED_UNTIL.isNull().or(WEBHOOK_DELIVERY.CLAIMED_UNTIL.lt(now)))
                    .orderBy(WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT, WEBHOOK_DELIVERY.CREATED_AT, WEBHOOK_DELIVERY.MESSAGE_ID)
                    .limit(BATCH)
                    .forUpdate().skipLocked()
                    .fetch(Deliveries::row);
            Map<String, List<Row>> byRobot = new LinkedHashMap<>();
            due.forEach(row -> byRobot.computeIfAbsent(row.format() + " " + row.webhook(), k -> new ArrayList<>()).add(row));
            List<Send> sends = new ArrayList<>();
            for (List<Row> rows : byRobot.values()) {
                String webhook = rows.getFirst().webhook();
                WebhookFormat format = rows.getFirst().format();
                if (!format.isRobot()) {
                    rows.forEach(row -> sends.add(new Send(webhook, format, List.of(row))));
                    continue;
                }
                int used = t.fetchCount(WEBHOOK_SEND, WEBHOOK_SEND.WEBHOOK.eq(webhook)
                        .and(WEBHOOK_SEND.SENT_AT.gt(now.minus(properties.robotRateWindow()))));
                List<Send> planned = plan(webhook, format, rows, properties.robotRate() - used);
                for (Send send : planned) {
                    t.insertInto(WEBHOOK_SEND, WEBHOOK_SEND.WEBHOOK, WEBHOOK_SEND.SENT_AT).values(webhook, now).execute();
                }
                sends.addAll(planned);
            }
            List<Row> claimed = sends.stream().flatMap(send -> send.rows().stream()).toList();
            if (!claimed.isEmpty()) {
                t.update(WEBHOOK_DELIVERY)
                        .set(WEBHOOK_DELIVERY.CLAIMED_BY, instance)
                        .set(WEBHOOK_DELIVERY.CLAIMED_UNTIL, now.plus(properties.claimLease()))
                        .where(keys(claimed)).execute();
            }
            t.deleteFrom(WEBHOOK_SEND).where(WEBHOOK_SEND.SENT_AT.lt(now.minus(properties.robotRateWindow().multipliedBy(2))))
                    .execute();
            return sends;
        });
    }

    /**
     * The sends for one robot's due rows within its {@code free} slots: each row alone while they
     * fit, otherwise merged into as few messages as its size limit allows, the oldest first; what
     * does not fit waits for the next window.
     */
    static List<Send> plan(String webhook, WebhookFormat format, List<Row> rows, int free) {
        if (free <= 0) {
            return List.of();
        }
        List<List<Row>> groups = new ArrayList<>();
        if (rows.size() <= free) {
            rows.forEach(row -> groups.add(List.of(row)));
        } else {
            List<Row> mergeable = new ArrayList<>();
            for (Row row : rows) {
                if (row.message() == null) {
                    groups.add(List.of(row));
                } else {
                    mergeable.add(row);
                }
            }
            groups.addAll(RobotPacking.groups(mergeable, Row::message, format.maxBytes()));
        }
        return groups.stream().limit(free).map(group -> new Send(webhook, format, group)).toList();
    }

    void delivered(String instance, List<Row> rows) {
        db.update(WEBHOOK_DELIVERY)
                .set(WEBHOOK_DELIVERY.DELIVERED_AT, OffsetDateTime.now())
                .set(WEBHOOK_DELIVERY.ATTEMPTS, WEBHOOK_DELIVERY.ATTEMPTS.plus(1))
                .setNull(WEBHOOK_DELIVERY.CLAIMED_BY)
                .setNull(WEBHOOK_DELIVERY.CLAIMED_UNTIL)
                .where(keys(rows)).and(WEBHOOK_DELIVERY.CLAIMED_BY.eq(instance)).execute();
    }

    /** The robot said "too fast": try again after its window, without spending the retry budget. */
    void rateLimited(String instance, List<Row> rows, String error) {
        db.update(WEBHOOK_DELIVERY)
                .set(WEBHOOK_DELIVERY.LAST_ERROR, error)
                .set(WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT, OffsetDateTime.now().plus(properties.robotRateWindow()))
                .setNull(WEBHOOK_DELIVERY.CLAIMED_BY)
                .setNull(WEBHOOK_DELIVERY.CLAIMED_UNTIL)
                .where(keys(rows)).and(WEBHOOK_DELIVERY.CLAIMED_BY.eq(instance)).execute();
    }

    /** A failed attempt: back off, or give up when the budget is spent. Answers how many rows were given up. */
    int failed(String instance, List<Row> rows, String error) {
        int givenUp = 0;
        OffsetDateTime now = OffsetDateTime.now();
        for (Row row : rows) {
            int attempts = row.attempts() + 1;
            boolean spent = attempts >= properties.maxAttempts();
            givenUp += spent ? 1 : 0;
            db.update(WEBHOOK_DELIVERY)
                    .set(WEBHOOK_DELIVERY.ATTEMPTS, attempts)
                    .set(WEBHOOK_DELIVERY.LAST_ERROR, error)
                    .set(WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT, now.plus(backoff(attempts, properties.maxBackoff())))
                    .set(WEBHOOK_DELIVERY.FAILED_AT, spent ? now : null)
                    .setNull(WEBHOOK_DELIVERY.CLAIMED_BY)
                    .setNull(WEBHOOK_DELIVERY.CLAIMED_UNTIL)
                    .where(keys(List.of(row))).and(WEBHOOK_DELIVERY.CLAIMED_BY.eq(instance)).execute();
        }
        return givenUp;
    }

    /** 1 s, 2 s, 4 s, ... up to {@code max}. */
    static Duration backoff(int attempts, Duration max) {
        Duration wait = Duration.ofSeconds(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /** Deliveries whose retry budget is spent, newest first. */
    List<FailedDelivery> failedDeliveries(int limit) {
        return db.selectFrom(WEBHOOK_DELIVERY)
                .where(WEBHOOK_DELIVERY.FAILED_AT.isNotNull())
                .orderBy(WEBHOOK_DELIVERY.FAILED_AT.desc(), WEBHOOK_DELIVERY.MESSAGE_ID)
                .limit(limit)
                .fetch(r -> new FailedDelivery(r.getMessageId(), r.getEvent(), FailedDelivery.masked(r.getWebhook()),
                        r.getFormat().toLowerCase(java.util.Locale.ROOT), r.getTitle(), r.getAttempts(), r.getLastError(),
                        r.getCreatedAt(), r.getFailedAt()));
    }

    long failedCount() {
        return db.fetchCount(WEBHOOK_DELIVERY, WEBHOOK_DELIVERY.FAILED_AT.isNotNull());
    }

    /** A new retry budget for a failed message (every receiver it failed on, or all failed when null). */
    int retry(UUID messageId) {
        return db.update(WEBHOOK_DELIVERY)
                .setNull(WEBHOOK_DELIVERY.FAILED_AT)
                .set(WEBHOOK_DELIVERY.ATTEMPTS, 0)
                .set(WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT, OffsetDateTime.now())
                .where(WEBHOOK_DELIVERY.FAILED_AT.isNotNull())
                .and(messageId == null ? DSL.noCondition() : WEBHOOK_DELIVERY.MESSAGE_ID.eq(messageId))
                .execute();
    }

    private static Condition keys(List<Row> rows) {
        return DSL.row(WEBHOOK_DELIVERY.MESSAGE_ID, WEBHOOK_DELIVERY.EVENT, WEBHOOK_DELIVERY.WEBHOOK)
                .in(rows.stream().map(row -> DSL.row(row.messageId(), row.event(), row.webhook())).toList());
    }

    private static Row row(WebhookDeliveryRecord r) {
        WebhookFormat format = WebhookFormat.valueOf(r.getFormat());
        RobotMessage message = r.getTitle() == null ? null
                : new RobotMessage(r.getTitle(), r.getBodyText(), list(r.getMentionMobiles()), list(r.getMentionUserIds()));
        return new Row(r.getMessageId(), r.getEvent(), r.getWebhook(), format, r.getPayload(), message, r.getAttempts());
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? List.of() : Arrays.asList(commaSeparated.split(","));
    }
}
