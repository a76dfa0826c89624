package dev.pulse.launcher.e2e;

import dev.pulse.events.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The deterministic traffic of the kill test: {@value #CUSTOMERS} customers with
 * {@value #PER_CUSTOMER} follow-ups each (100,000), a sale for every customer that is won, and a
 * retyped copy of every 1,000th follow-up (a duplicate entry). Every event carries its own eventId,
 * derived from its position, so a retried request resubmits exactly the same events.
 *
 * <p>Customer c belongs to rep c % 20 (teams of five reps) and one source; its k-th follow-up is on
 * day c % 7 + k·(c % 4 + 1)/3 after 2026-08-03 (Shanghai), so cohorts start on seven days and
 * some customers get two or three a day, at minute (7c + 13k) mod 1440 of that day, which puts
 * some of a day's out of order and many near midnight. The last is on 2026-10-13, so every
 * customer still open is stale on any day after 2026-10-27. Its stage climbs one step every 8 follow-ups up to a cap of c % 5 steps; from the
 * 40th on, every third customer is WON, the next LOST, the third stays. Customers c and c + 100
 * share a phone when c % 200 == 7. A smaller run ({@link #requests(int)}) has fewer customers and
 * the same rules.
 */
final class KillWorkload {

    static final int CUSTOMERS = 2_000;
    static final int PER_CUSTOMER = 50;
    static final int BATCH = 500;
    static final String[] STAGES = {"LEAD", "QUALIFIED", "PROPOSAL", "QUOTE", "CONTRACT"};
    private static final String[] CHANNELS = {"PHONE", "WECHAT", "EMAIL", "MEETING", "VISIT", "OTHER"};
    private static final String[] SOURCES = {"展会", "官网", "转介绍"};
    private static final OffsetDateTime FIRST_DAY = OffsetDateTime.parse("2026-08-03T00:00:00+08:00");

    record FollowUpEvent(UUID eventId, String customerId, String repId, String teamId, String source,
                         Instant occurredAt, String channel, String stage, boolean retypedCopy) {
    }

    record SaleEvent(UUID eventId, String orderId, String customerId, String repId, String teamId,
                     BigDecimal amount, Instant occurredAt) {
    }

    /** One HTTP request: its path, its NDJSON body and the events in it. */
    record Request(String path, String ndjson, List<FollowUpEvent> followUps, List<SaleEvent> sales) {
        int events() {
            return followUps.size() + sales.size();
        }
    }

    private KillWorkload() {
    }

    /** All requests in posting order: each customer's k-th follow-up in the k-th round, the sales after round 45. */
    static List<Request> requests() {
        return requests(CUSTOMERS);
    }

    /** The same traffic for the first {@code customers} customers only. */
    static List<Request> requests(int customers) {
        List<Request> requests = new ArrayList<>();
        List<FollowUpEvent> batch = new ArrayList<>();
        for (int k = 0; k < PER_CUSTOMER; k++) {
            for (int c = 0; c < customers; c++) {
                int i = k * customers + c;
                FollowUpEvent followUp = followUp(c, k, eventId("followup-" + i), false);
                batch.add(followUp);
                if (i % 1_000 == 0) {
                    batch.add(followUp(c, k, eventId("retyped-" + i), true));
                }
                if (batch.size() >= BATCH) {
                    requests.add(followUpRequest(batch));
                    batch = new ArrayList<>();
                }
            }
            if (k == 45) {
                List<SaleEvent> sales = new ArrayList<>();
                for (int c = 0; c < customers; c++) {
                    if (c % 3 == 0) {
                        sales.add(new SaleEvent(eventId("sale-" + c), "SO-" + c, customerId(c), repId(c), teamId(c),
                                new BigDecimal((c % 50 + 1) * 100 + ".50"), occurredAt(c, k).plus(Duration.ofHours(1))));
                    }
                }
                for (int from = 0; from < sales.size(); from += BATCH) {
                    requests.add(saleRequest(sales.subList(from, Math.min(sales.size(), from + BATCH))));
                }
            }
        }
        if (!batch.isEmpty()) {
            requests.add(followUpRequest(batch));
        }
        return requests;
    }

    /** What posting under chaos came to: the acknowledged requests and the kills made meanwhile. */
    record Posted(List<Request> accepted, int kills) {
    }

    /**
     * Posts every request until ingest acknowledges it, in order, adding each one's events to
     * {@code acknowledged} as it is (the chaos threads watch it); then stops the chaos and waits for
     * its kills and restarts. Fails when posting or any kill or restart failed.
     */
    static Posted postUnder(Chaos chaos, List<Request> requests, RetryingPoster poster, AtomicInteger acknowledged)
            throws InterruptedException {
        int total = requests.stream().mapToInt(Request::events).sum();
        int step = Math.max(1_000, total / 10 / 1_000 * 1_000);
        List<Request> accepted = new ArrayList<>();
        long posting = System.nanoTime();
        try {
            for (Request request : requests) {
                poster.postUntilAccepted(request.path(), request.ndjson());
                accepted.add(request);
                int before = acknowledged.getAndAdd(request.events());
                if ((before + request.events()) / step > before / step) {
                    Chaos.log("%,d of %,d events acknowledged, %d retries", before + request.events(), total, poster.retries());
                }
            }
        } finally {
            chaos.stop();
        }
        int kills = chaos.awaitAll();
        Chaos.log("posted in %d s: %,d events acknowledged, %d kills, %d retried requests",
                KillSettling.seconds(posting), acknowledged.get(), kills, poster.retries());
        return new Posted(accepted, kills);
    }

    private static FollowUpEvent followUp(int c, int k, UUID eventId, boolean retypedCopy) {
        String stage = STAGES[Math.min(k / 8, c % 5)];
        if (k >= 40 && c % 3 == 0) {
            stage = "WON";
        } else if (k >= 40 && c % 3 == 1) {
            stage = "LOST";
        }
        return new FollowUpEvent(eventId, customerId(c), repId(c), teamId(c), SOURCES[c % 3], occurredAt(c, k),
                CHANNELS[(c + k) % CHANNELS.length], stage, retypedCopy);
    }

    private static Instant occurredAt(int c, int k) {
        return FIRST_DAY.plusDays(c % 7 + k * (c % 4 + 1) / 3).plusMinutes((7L * c + 13L * k) % 1440).toInstant();
    }

    static String customerId(int c) {
        return "kc-%04d".formatted(c);
    }

    private static String repId(int c) {
        return "rep-%02d".formatted(c % 20);
    }

    private static String teamId(int c) {
        return "team-" + (c % 20) / 5;
    }

    /** Customers c and c + 100 share one when c % 200 == 7: a DUPLICATE_CUSTOMER pair. */
    static String phone(String customerId) {
        int c = Integer.parseInt(customerId.substring(3));
        int owner = c % 200 == 107 ? c - 100 : c;
        return "139%08d".formatted(owner);
    }

    private static UUID eventId(String name) {
        return UUID.nameUUIDFromBytes(("kill-it/" + name).getBytes(StandardCharsets.UTF_8));
    }

    private static Request followUpRequest(List<FollowUpEvent> followUps) {
        String ndjson = followUps.stream().map(KillWorkload::json).collect(Collectors.joining("\n", "", "\n"));
        return new Request("/api/v1/followups", ndjson, List.copyOf(followUps), List.of());
    }

    private static Request saleRequest(List<SaleEvent> sales) {
        String ndjson = sales.stream().map(KillWorkload::json).collect(Collectors.joining("\n", "", "\n"));
        return new Request("/api/v1/sales", ndjson, List.of(), List.copyOf(sales));
    }

    private static String json(FollowUpEvent e) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("eventId", e.eventId().toString());
        record.put("customerId", e.customerId());
        record.put("customerName", "客户 " + e.customerId());
        record.put("phone", phone(e.customerId()));
        record.put("repId", e.repId());
        record.put("teamId", e.teamId());
        record.put("occurredAt", e.occurredAt().atOffset(ZoneOffset.ofHours(8)).toString());
        record.put("channel", e.channel());
        // the same words for a retyped copy, which is what makes it a duplicate entry and not a new contact
        record.put("content", "跟进 " + e.customerId() + " @ " + e.occurredAt() + " — discussed needs");
        record.put("stage", e.stage());
        record.put("source", e.source());
        if ("LOST".equals(e.stage())) {
            record.put("lostReason", "预算不足");
        }
        return Json.MAPPER.writeValueAsString(record);
    }

    private static String json(SaleEvent e) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("eventId", e.eventId().toString());
        record.put("orderId", e.orderId());
        record.put("customerId", e.customerId());
        record.put("repId", e.repId());
        record.put("teamId", e.teamId());
        record.put("product", "企业版年费");
        record.put("amount", e.amount());
        record.put("occurredAt", e.occurredAt().toString());
        return Json.MAPPER.writeValueAsString(record);
    }
}
