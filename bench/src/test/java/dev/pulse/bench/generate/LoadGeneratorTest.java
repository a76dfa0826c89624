package dev.pulse.bench.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pulse.events.FollowUp;
import dev.pulse.events.Json;
import dev.pulse.events.Sale;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {

    private static final Instant END = Instant.parse("2026-11-24T00:00:00Z");
    private static final Scale SCALE = new Scale(3, 5, 4_000, 120);

    @Test
    void shouldGenerateTheSameEventsForTheSameSeedAndOthersForAnother() throws Exception {
        assertThat(hash(42)).isEqualTo(hash(42)).isNotEqualTo(hash(43));
    }

    @Test
    void shouldProduceTheClaimedProportions() {
        Collected c = collect(42);
        Map<String, List<FollowUp>> byCustomer = new HashMap<>();
        c.followUps.forEach(f -> byCustomer.computeIfAbsent(f.customerId(), k -> new ArrayList<>()).add(f));
        assertThat(byCustomer).hasSize(SCALE.customers());

        // Conversion: every customer starts at LEAD; about 55% of those that had the chance reach QUALIFIED or later
        // (fewer of all customers: 2-8 touches a stage take weeks, and a walk begun late is cut at the run's start).
        long reachedQualified = byCustomer.values().stream()
                .filter(fs -> fs.stream().anyMatch(f -> !f.stage().equals("LEAD") && !f.stage().equals("LOST"))).count();
        assertThat(byCustomer.values()).allMatch(fs -> fs.getFirst().stage().equals("LEAD"));
        assertThat(reachedQualified / (double) SCALE.customers()).isBetween(0.35, 0.56);

        // Won customers, and only they, have sales.
        Set<String> won = new HashSet<>();
        byCustomer.forEach((id, fs) -> {
            if (fs.getLast().stage().equals("WON")) {
                won.add(id);
            }
        });
        assertThat(won).isNotEmpty();
        assertThat(c.sales).allMatch(s -> won.contains(s.customerId()));
        assertThat(c.sales.stream().map(Sale::customerId).distinct().count()).isGreaterThan(won.size() * 8L / 10);

        // Lost customers carry a reason; follow-ups of a customer are in event-time order.
        assertThat(c.followUps).filteredOn(f -> f.stage().equals("LOST")).isNotEmpty().allMatch(f -> f.lostReason() != null);
        byCustomer.values().forEach(fs -> {
            for (int i = 1; i < fs.size(); i++) {
                assertThat(fs.get(i).occurredAt()).isAfterOrEqualTo(fs.get(i - 1).occurredAt());
            }
        });

        // About 2% typed in twice, about 5% of customers share a phone with another id.
        Map<String, Integer> sameEntry = new HashMap<>();
        c.followUps.forEach(f -> sameEntry.merge(f.customerId() + f.repId() + f.occurredAt() + f.content(), 1, Integer::sum));
        double duplicates = (c.followUps.size() - sameEntry.size()) / (double) c.followUps.size();
        assertThat(duplicates).isCloseTo(0.02, within(0.006));
        Map<String, Set<String>> customersByPhone = new HashMap<>();
        c.followUps.forEach(f -> customersByPhone.computeIfAbsent(f.phone(), k -> new HashSet<>()).add(f.customerId()));
        long sharing = customersByPhone.values().stream().filter(ids -> ids.size() > 1).mapToLong(Set::size).sum();
        assertThat(sharing / (double) SCALE.customers()).isBetween(0.05, 0.12);

        // Chinese names, mainland mobiles, nothing after the end, gaps of days, about ten follow-ups a customer at most.
        assertThat(c.followUps).allMatch(f -> f.customerName().matches("[\\u4e00-\\u9fa5]{2,4}"))
                .allMatch(f -> f.phone().matches("1[3-9]\\d{9}"))
                .allMatch(f -> f.company().endsWith("公司"))
                .allMatch(f -> !f.occurredAt().isAfter(END));
        double perCustomer = c.followUps.size() / (double) SCALE.customers();
        assertThat(perCustomer).isBetween(2.5, 12.0);
    }

    @Test
    void shouldDrawAProgressBarEndingAtTheTotal() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Progress progress = new Progress("customers", 200, new PrintStream(out, true, StandardCharsets.UTF_8));
        new LoadGenerator(new Scale(1, 2, 200, 30), 1, END).generate(new EventSink() {
            public void followUp(FollowUp f) {
            }

            public void sale(Sale s) {
            }
        }, progress);
        assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("100% 200/200 customers " + out.toString(StandardCharsets.UTF_8)
                .replaceAll("(?s).* customers ", "").trim() + "\n").contains("[##############################]");
    }

    @Test
    void shouldStopAtTheFirstWholeCustomerWithEnoughFollowUpsGivingAPrefixOfTheFullRun() {
        Collected all = collect(42);
        List<FollowUp> some = new ArrayList<>();
        List<Sale> sales = new ArrayList<>();
        int customers = new LoadGenerator(SCALE, 42, END).generateFollowUps(5_000, new EventSink() {
            public void followUp(FollowUp f) {
                some.add(f);
            }

            public void sale(Sale s) {
                sales.add(s);
            }
        }, new Progress("follow-ups", 5_000, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));

        assertThat(some.size()).isGreaterThanOrEqualTo(5_000);
        assertThat(some).isEqualTo(all.followUps.subList(0, some.size()));
        assertThat(sales).isEqualTo(all.sales.subList(0, sales.size()));
        // the last customer is whole, and no customer beyond it was begun
        String last = String.format("C%08d", customers - 1);
        assertThat(some.getLast().customerId()).isEqualTo(last);
        assertThat(all.followUps.get(some.size()).customerId()).isNotEqualTo(last);
        assertThat(some.size() - all.followUps.stream().filter(f -> f.customerId().equals(last)).count()).isLessThan(5_000);
    }

    @Test
    void shouldStopAtTheScaleWhenItHasFewerFollowUps() {
        long[] count = {0};
        int customers = new LoadGenerator(new Scale(1, 2, 50, 30), 1, END).generateFollowUps(1_000_000, new EventSink() {
            public void followUp(FollowUp f) {
                count[0]++;
            }

            public void sale(Sale s) {
            }
        }, new Progress("follow-ups", 1_000_000, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        assertThat(customers).isEqualTo(50);
        assertThat(count[0]).isPositive().isLessThan(1_000);
    }

    private static String hash(long seed) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        new LoadGenerator(SCALE, seed, END).generate(new EventSink() {
            public void followUp(FollowUp f) {
                sha.update(Json.MAPPER.writeValueAsBytes(f));
            }

            public void sale(Sale s) {
                sha.update(Json.MAPPER.writeValueAsBytes(s));
            }
        }, new Progress("customers", SCALE.customers(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(sha.digest());
    }

    private record Collected(List<FollowUp> followUps, List<Sale> sales) {
    }

    private static Collected collect(long seed) {
        Collected c = new Collected(new ArrayList<>(), new ArrayList<>());
        new LoadGenerator(SCALE, seed, END).generate(new EventSink() {
            public void followUp(FollowUp f) {
                c.followUps.add(f);
            }

            public void sale(Sale s) {
                c.sales.add(s);
            }
        }, new Progress("customers", SCALE.customers(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        return c;
    }
}
