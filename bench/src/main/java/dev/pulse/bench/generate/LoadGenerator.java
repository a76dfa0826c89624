package dev.pulse.bench.generate;

import dev.pulse.events.Channel;
import dev.pulse.events.FollowUp;
import dev.pulse.events.Sale;
import dev.pulse.launcher.demo.ChineseWords;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A sales floor, deterministic by seed: teams of reps, customers with Chinese names, companies and
 * contacts, each walked through the pipeline with a realistic conversion per stage (or lost on the
 * way, or left open), gaps of days between follow-ups, follow-ups typed in twice, contacts shared
 * between customer ids, hand-overs to another rep, and sales for the customers that are won.
 *
 * <p>Every customer draws from its own random stream (derived from the seed and its index), so a
 * customer's events do not depend on what was generated before it. Nothing is later than
 * {@code end}, so the events are valid whenever they are posted after it.
 */
public final class LoadGenerator {

    /** The forward pipeline, LEAD first. */
    static final List<String> STAGES = List.of("LEAD", "QUALIFIED", "PROPOSAL", "QUOTE", "CONTRACT", "WON");
    /** Chance that a customer at the stage moves on; the rest are lost or stay open. */
    static final double[] CONVERSION = {0.55, 0.60, 0.65, 0.70, 0.80};
    static final double LOST_OF_NOT_CONVERTED = 0.6;
    static final double SKIP_STAGE = 0.05;
    static final double DUPLICATE_ENTRY = 0.02;
    static final double SHARED_CONTACT = 0.05;
    static final double HAND_OVER = 0.03;
    static final double NEXT_FOLLOW_UP = 0.3;
    private static final Channel[] CHANNELS = {Channel.PHONE, Channel.PHONE, Channel.PHONE, Channel.WECHAT,
            Channel.WECHAT, Channel.EMAIL, Channel.MEETING, Channel.VISIT, Channel.OTHER};
    private static final String[] LEVELS = {"A", "B", "B", "C", "C", "C"};

    private final Scale scale;
    private final long seed;
    private final Instant end;

    public LoadGenerator(Scale scale, long seed, Instant end) {
        this.scale = scale;
        this.seed = seed;
        this.end = end.truncatedTo(ChronoUnit.SECONDS);
    }

    public Scale scale() {
        return scale;
    }

    /** Generates every customer's events into {@code sink}, reporting each finished customer to {@code progress}. */
    public void generate(EventSink sink, Progress progress) {
        for (int i = 0; i < scale.customers(); i++) {
            customer(i, sink);
            progress.advance(1);
        }
        progress.done();
    }

    /**
     * Generates customers in order until at least {@code followUps} follow-ups were generated (the
     * last customer is always finished, so its journey is whole), or the scale's customers run out;
     * the events are a prefix of what {@link #generate} gives. {@code progress} counts follow-ups.
     *
     * @return the number of customers generated
     */
    public int generateFollowUps(long followUps, EventSink sink, Progress progress) {
        long[] count = {0};
        EventSink counting = new EventSink() {
            @Override
            public void followUp(FollowUp followUp) {
                sink.followUp(followUp);
                count[0]++;
                progress.advance(1);
            }

            @Override
            public void sale(Sale sale) {
                sink.sale(sale);
            }
        };
        int customers = 0;
        while (customers < scale.customers() && count[0] < followUps) {
            customer(customers++, counting);
        }
        progress.done();
        return customers;
    }

    public String repId(int rep) {
        return String.format("rep-%04d", rep);
    }

    public String teamId(int rep) {
        return String.format("team-%02d", rep / scale.repsPerTeam());
    }

    /** One of the customer sources the generator draws from (a customer's is drawn once, at random). */
    public String source(int index) {
        return ChineseWords.SOURCES.at(index);
    }

    private String repName(int rep) {
        return ChineseWords.personName(new SplittableRandom(mix(seed, -1 - rep)));
    }

    private void customer(int index, EventSink sink) {
        SplittableRandom random = new SplittableRandom(mix(seed, index));
        String customerId = String.format("C%08d", index);
        String name = ChineseWords.personName(random);
        String company = ChineseData.company(random);
        String position = ChineseWords.POSITIONS.pick(random);
        String source = ChineseWords.SOURCES.pick(random);
        String level = ChineseWords.pick(random, LEVELS);
        // Now and then the same person is entered again under another customer id, as happens in shared sheets.
        int contactOf = index > 0 && random.nextDouble() < SHARED_CONTACT ? random.nextInt(Math.max(0, index - 1000), index) : index;
        String phone = phone(contactOf);
        String email = random.nextDouble() < 0.4 ? "c" + contactOf + "@example.com.cn" : null;
        String wechat = random.nextDouble() < 0.5 ? "wx_" + Integer.toHexString(contactOf * 31 + 7) : null;
        int rep = random.nextInt(scale.reps());
        long historySeconds = scale.historyDays() * 86_400L;
        Instant at = end.minusSeconds(3_600 + random.nextLong(historySeconds)).truncatedTo(ChronoUnit.MINUTES);
        int stage = 0;
        int step = 0;
        while (true) {
            String stageCode = STAGES.get(stage);
            boolean terminal = stage == STAGES.size() - 1;
            int contacts = terminal ? 1 : 2 + random.nextInt(7); // 2-8 touches a stage: about ten a customer
            for (int c = 0; c < contacts; c++) {
                if (step > 0) {
                    at = at.plus(gap(random));
                }
                if (at.isAfter(end)) {
                    return;
                }
                step++;
                if (!terminal && random.nextDouble() < HAND_OVER) {
                    rep = random.nextInt(scale.reps());
                }
                Instant next = !terminal && random.nextDouble() < NEXT_FOLLOW_UP
                        ? at.plus(1 + random.nextInt(7), ChronoUnit.DAYS) : null;
                FollowUp followUp = new FollowUp(uuid(random), customerId, name, phone, email, wechat, company, position,
                        repId(rep), repName(rep), teamId(rep), at, CHANNELS[random.nextInt(CHANNELS.length)],
                        ChineseData.content(random, step), stageCode, ChineseWords.RESULTS.pick(random), next, null,
                        random.nextDouble() < 0.2 ? List.of("重点客户") : List.of(), level, source);
                emit(sink, random, followUp);
            }
            if (terminal) {
                sales(index, customerId, rep, at, random, sink);
                return;
            }
            if (random.nextDouble() < CONVERSION[stage]) {
                boolean skip = stage + 2 < STAGES.size() - 1 && random.nextDouble() < SKIP_STAGE;
                stage += skip ? 2 : 1;
            } else if (random.nextDouble() < LOST_OF_NOT_CONVERTED) {
                at = at.plus(gap(random));
                if (!at.isAfter(end)) {
                    emit(sink, random, new FollowUp(uuid(random), customerId, name, phone, email, wechat, company,
                            position, repId(rep), repName(rep), teamId(rep), at, Channel.PHONE, "确认客户不再推进",
                            "LOST", "客户放弃", null, ChineseWords.LOST_REASONS.pick(random), List.of(),
                            level, source));
                }
                return;
            } else {
                return;
            }
        }
    }

    private void emit(EventSink sink, SplittableRandom random, FollowUp followUp) {
        sink.followUp(followUp);
        if (random.nextDouble() < DUPLICATE_ENTRY) {
            // Typed in twice: same content and minute, another event id.
            sink.followUp(followUp.withEventId(uuid(random)));
        }
    }

    private void sales(int index, String customerId, int rep, Instant wonAt, SplittableRandom random, EventSink sink) {
        int orders = 1 + (random.nextDouble() < 0.3 ? 1 : 0);
        for (int o = 0; o < orders; o++) {
            Instant at = wonAt.plusSeconds(3_600 + random.nextLong(3 * 86_400L));
            if (at.isAfter(end)) {
                return;
            }
            BigDecimal amount = BigDecimal.valueOf(5_000_00 + random.nextLong(495_000_00), 2);
            sink.sale(new Sale(uuid(random), String.format("SO%08d-%d", index, o + 1), customerId, repId(rep), teamId(rep),
                    ChineseWords.PRODUCTS.pick(random), amount, "CNY",
                    ChineseWords.pick(random, ChineseData.PAYMENT), at, "已发货"));
        }
    }

    /** Days between two contacts of one customer: mostly a few days, sometimes weeks. */
    private static Duration gap(SplittableRandom random) {
        double days = random.nextDouble() < 0.8 ? 0.5 + random.nextDouble() * 6 : 7 + random.nextDouble() * 21;
        return Duration.ofMinutes((long) (days * 1_440));
    }

    private String phone(int customer) {
        return ChineseWords.mobile(new SplittableRandom(mix(seed ^ 0x5DEECE66DL, customer)));
    }

    /** A version-4 UUID from the customer's random stream, so event ids are deterministic too. */
    private static UUID uuid(SplittableRandom random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    private static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
