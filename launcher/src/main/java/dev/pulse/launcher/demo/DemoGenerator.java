package dev.pulse.launcher.demo;

import dev.pulse.events.Json;
import dev.pulse.importer.columns.EventKind;
import dev.pulse.importer.ingest.IngestClient;
import dev.pulse.importer.ingest.IngestException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps posting realistic follow-ups and sales through the ingest API, as a sales floor would:
 * customers move through the pipeline (sometimes skipping a stage, sometimes lost), reps use every
 * channel, a won customer brings a sale. The first run also backfills two weeks of history so the
 * dashboards have something to show at once.
 */
public final class DemoGenerator implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(DemoGenerator.class);
    private static final String[] CHANNELS = {"PHONE", "PHONE", "WECHAT", "WECHAT", "EMAIL", "MEETING", "VISIT", "OTHER"};
    private static final int ACTIVE_CUSTOMERS = 60;

    private final IngestClient ingest;
    private final Duration tick;
    private final SplittableRandom random = new SplittableRandom();
    private final List<DemoCustomer> customers = new ArrayList<>();
    private volatile boolean running = true;

    /** @param token the INGEST bearer token the generator posts with */
    public DemoGenerator(URI ingest, String token, Duration tick) {
        this.ingest = new IngestClient(ingest, token);
        this.tick = tick;
    }

    /** Posts {@code days} days of history, about {@code perDay} follow-ups a day. */
    public void backfill(int days, int perDay) {
        Instant start = Instant.now().minus(days, ChronoUnit.DAYS);
        List<Map<String, Object>> followUps = new ArrayList<>();
        List<Map<String, Object>> sales = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            for (int i = 0; i < perDay; i++) {
                Instant at = start.plus(day, ChronoUnit.DAYS).plusSeconds(8 * 3600 + random.nextInt(10 * 3600));
                step(at, followUps, sales);
            }
        }
        post(EventKind.FOLLOWUPS, followUps);
        post(EventKind.SALES, sales);
    }

    @Override
    public void run() {
        while (running) {
            List<Map<String, Object>> followUps = new ArrayList<>();
            List<Map<String, Object>> sales = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                step(Instant.now().minusSeconds(random.nextInt(30)), followUps, sales);
            }
            try {
                post(EventKind.FOLLOWUPS, followUps);
                post(EventKind.SALES, sales);
                Thread.sleep(tick);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("demo generator: {}", e.getMessage());
            }
        }
    }

    public void stop() {
        running = false;
    }

    private void step(Instant at, List<Map<String, Object>> followUps, List<Map<String, Object>> sales) {
        customers.removeIf(DemoCustomer::isClosed);
        while (customers.size() < ACTIVE_CUSTOMERS) {
            DemoCustomer created = DemoCustomer.create(random);
            // Now and then the same person is entered again under a new customer id, as happens in shared sheets.
            if (!customers.isEmpty() && random.nextDouble() < 0.05) {
                created.phone = customers.get(random.nextInt(customers.size())).phone;
            }
            customers.add(created);
        }
        DemoCustomer customer = customers.get(random.nextInt(customers.size()));
        customer.advance(random);
        Map<String, Object> followUp = customer.followUp(random, at, ChineseWords.pick(random, CHANNELS));
        followUps.add(followUp);
        if (random.nextDouble() < 0.02) {
            // A follow-up typed in twice: same content and minute, another event id.
            Map<String, Object> copy = new LinkedHashMap<>(followUp);
            copy.put("eventId", UUID.randomUUID().toString());
            followUps.add(copy);
        }
        if ("WON".equals(customer.stage())) {
            sales.add(customer.sale(random, at.plusSeconds(60)));
        }
    }

    private void post(EventKind kind, List<Map<String, Object>> events) {
        if (events.isEmpty()) {
            return;
        }
        String body = events.stream().map(Json.MAPPER::writeValueAsString).collect(Collectors.joining("\n"));
        try {
            ingest.postAll(kind, body);
        } catch (IngestException e) {
            if (e.unreachable()) {
                throw new IllegalStateException("ingest unreachable: " + e.getMessage(), e);
            }
            // A refusal or an odd answer costs the demo a few events; the next tick goes on.
            log.warn("demo generator: {}", e.getMessage());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("ingest unreachable: " + e.getMessage(), e);
        }
    }

    /** One demo customer and where it stands in the pipeline. */
    private static final class DemoCustomer {
        private final String id = "C" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        private final String name;
        private final String company;
        private String phone;
        private final String position;
        private final String source;
        private final String level;
        private DemoData.Rep owner;
        private int stageIndex = -1;
        private boolean lost;

        private DemoCustomer(SplittableRandom random) {
            name = ChineseWords.personName(random);
            company = DemoData.company(random);
            phone = ChineseWords.mobile(random);
            position = ChineseWords.POSITIONS.pick(random);
            source = ChineseWords.SOURCES.pick(random);
            level = new String[] {"A", "B", "C"}[random.nextInt(3)];
            owner = DemoData.REPS.get(random.nextInt(DemoData.REPS.size()));
        }

        static DemoCustomer create(SplittableRandom random) {
            return new DemoCustomer(random);
        }

        boolean isClosed() {
            return lost || "WON".equals(stage());
        }

        String stage() {
            return lost ? "LOST" : DemoData.STAGES.get(Math.max(stageIndex, 0));
        }

        void advance(SplittableRandom random) {
            double roll = random.nextDouble();
            if (stageIndex < 0) {
                stageIndex = 0;
            } else if (roll < 0.08) {
                lost = true;
            } else if (roll < 0.12) {
                stageIndex = Math.min(stageIndex + 2, DemoData.STAGES.size() - 1);
            } else if (roll < 0.42) {
                stageIndex = Math.min(stageIndex + 1, DemoData.STAGES.size() - 1);
            } else if (roll < 0.45 && stageIndex > 0) {
                stageIndex--;
            }
            if (roll > 0.97) {
                owner = DemoData.REPS.get(random.nextInt(DemoData.REPS.size()));
            }
        }

        Map<String, Object> followUp(SplittableRandom random, Instant at, String channel) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("eventId", UUID.randomUUID().toString());
            event.put("customerId", id);
            event.put("customerName", name);
            event.put("phone", phone);
            event.put("company", company);
            event.put("position", position);
            event.put("repId", owner.id());
            event.put("repName", owner.name());
            event.put("teamId", owner.teamId());
            event.put("occurredAt", at.truncatedTo(ChronoUnit.SECONDS).toString());
            event.put("channel", channel);
            event.put("content", DemoData.content(random));
            event.put("stage", stage());
            event.put("result", ChineseWords.RESULTS.pick(random));
            event.put("level", level);
            event.put("source", source);
            if (lost) {
                event.put("lostReason", ChineseWords.LOST_REASONS.pick(random));
            } else if (!isClosed()) {
                event.put("nextFollowUpAt", at.plus(1 + random.nextInt(7), ChronoUnit.DAYS)
                        .truncatedTo(ChronoUnit.SECONDS).toString());
            }
            return event;
        }

        Map<String, Object> sale(SplittableRandom random, Instant at) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("eventId", UUID.randomUUID().toString());
            event.put("orderId", "SO-" + UUID.randomUUID().toString().substring(0, 12));
            event.put("customerId", id);
            event.put("repId", owner.id());
            event.put("teamId", owner.teamId());
            event.put("product", ChineseWords.PRODUCTS.pick(random));
            event.put("amount", String.valueOf(5_000 + random.nextInt(195) * 1_000));
            event.put("paymentMethod", random.nextBoolean() ? "银行转账" : "支付宝");
            event.put("occurredAt", at.truncatedTo(ChronoUnit.SECONDS).toString());
            event.put("shippingStatus", "待发货");
            return event;
        }
    }
}
