package dev.pulse.launcher.e2e;

import dev.pulse.launcher.e2e.KillWorkload.FollowUpEvent;
import dev.pulse.launcher.e2e.KillWorkload.Request;
import dev.pulse.launcher.e2e.KillWorkload.SaleEvent;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every figure the kill test compares, each as text so that a difference prints readably: the
 * fact table counts, rep_activity rows, funnel cells, duplicate flags and the open alerts. {@link
 * #expectedFrom} computes them with plain Java from the acknowledged events and DESIGN.md's
 * definitions; {@code KillReadModel} reads the same shape from PostgreSQL.
 *
 * @param facts       follow-up rows, sale rows, sum of sale amounts
 * @param activity    "SCOPE rep team GRANULARITY bucket" -> "followUps customers phone wechat email meeting visit other"
 * @param funnel      "cohortDay rep team source" -> customers, with sale, revenue, current and reached per stage
 * @param flags       one line per duplicate flag: type, key (not for entries) and its sorted members
 * @param openAlerts  "customerId KIND" of every open alert, sorted (a customer twice would be a double)
 */
record KillFigures(String facts, Map<String, String> activity, Map<String, String> funnel, Set<String> flags,
                   List<String> openAlerts) {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final List<String> FORWARD = List.of("LEAD", "QUALIFIED", "PROPOSAL", "QUOTE", "CONTRACT", "WON");

    static KillFigures expectedFrom(List<Request> acknowledged) {
        Map<UUID, FollowUpEvent> followUps = new LinkedHashMap<>();
        Map<UUID, SaleEvent> sales = new LinkedHashMap<>();
        for (Request request : acknowledged) {
            request.followUps().forEach(f -> followUps.put(f.eventId(), f)); // a resubmitted eventId counts once
            request.sales().forEach(s -> sales.put(s.eventId(), s));
        }
        BigDecimal total = sales.values().stream().map(SaleEvent::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<FollowUpEvent> counted = followUps.values().stream().filter(f -> !f.retypedCopy()).toList();
        return new KillFigures(facts(followUps.size(), sales.size(), total), activity(counted),
                funnel(counted, sales.values()), flags(followUps.values()), openAlerts(counted));
    }

    static String facts(long followUpRows, long saleRows, BigDecimal saleTotal) {
        return "followup rows " + followUpRows + ", sale rows " + saleRows + ", sales " + plain(saleTotal);
    }

    static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    private static Map<String, String> activity(List<FollowUpEvent> counted) {
        record Cell(long[] channels, Set<String> customers) {
        }
        List<String> channelOrder = List.of("PHONE", "WECHAT", "EMAIL", "MEETING", "VISIT", "OTHER");
        Map<String, Cell> cells = new TreeMap<>();
        for (FollowUpEvent f : counted) {
            LocalDate day = LocalDate.ofInstant(f.occurredAt(), SHANGHAI);
            LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            Map<String, String> buckets = Map.of(
                    "DAY", day.toString(),
                    "WEEK", "%d-W%02d".formatted(monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
                    "MONTH", day.toString().substring(0, 7));
            for (var bucket : buckets.entrySet()) {
                for (String scope : List.of("REP " + f.repId(), "TEAM -")) {
                    String key = scope + " " + f.teamId() + " " + bucket.getKey() + " " + bucket.getValue();
                    Cell cell = cells.computeIfAbsent(key, k -> new Cell(new long[6], new HashSet<>()));
                    cell.channels()[channelOrder.indexOf(f.channel())]++;
                    cell.customers().add(f.customerId());
                }
            }
        }
        Map<String, String> rows = new TreeMap<>();
        cells.forEach((key, cell) -> rows.put(key, activityFigures(Arrays.stream(cell.channels()).sum(),
                cell.customers().size(), cell.channels())));
        return rows;
    }

    static String activityFigures(long followUps, long customers, long[] channels) {
        return followUps + " " + customers + " " + Arrays.stream(channels).mapToObj(Long::toString)
                .collect(Collectors.joining(" "));
    }

    private static Map<String, String> funnel(List<FollowUpEvent> counted, Collection<SaleEvent> sales) {
        record Customer(LocalDate cohortDay, String rep, String team, String source, String current,
                        Set<String> reached, BigDecimal revenue, boolean withSale) {
        }
        Map<String, BigDecimal> revenue = new HashMap<>();
        sales.forEach(s -> revenue.merge(s.customerId(), s.amount(), BigDecimal::add));
        Map<String, List<FollowUpEvent>> byCustomer = counted.stream()
                .collect(Collectors.groupingBy(FollowUpEvent::customerId));
        Map<String, List<Customer>> byCell = new TreeMap<>();
        byCustomer.forEach((id, history) -> {
            List<FollowUpEvent> inTime = history.stream().sorted(Comparator.comparing(FollowUpEvent::occurredAt)).toList();
            FollowUpEvent first = inTime.getFirst();
            FollowUpEvent latest = inTime.getLast();
            int furthest = inTime.stream().mapToInt(f -> FORWARD.indexOf(f.stage())).max().orElseThrow();
            Set<String> reached = new TreeSet<>(FORWARD.subList(0, furthest + 1));
            if (inTime.stream().anyMatch(f -> "LOST".equals(f.stage()))) {
                reached.add("LOST");
            }
            Customer customer = new Customer(LocalDate.ofInstant(first.occurredAt(), SHANGHAI), latest.repId(),
                    latest.teamId(), first.source(), latest.stage(), reached,
                    revenue.getOrDefault(id, BigDecimal.ZERO), revenue.containsKey(id));
            byCell.computeIfAbsent(customer.cohortDay() + " " + customer.rep() + " " + customer.team() + " "
                    + customer.source(), k -> new ArrayList<>()).add(customer);
        });
        Map<String, String> cells = new TreeMap<>();
        byCell.forEach((key, customers) -> {
            Map<String, Long> current = new TreeMap<>();
            Map<String, Long> reached = new TreeMap<>();
            customers.forEach(c -> {
                current.merge(c.current(), 1L, Long::sum);
                c.reached().forEach(stage -> reached.merge(stage, 1L, Long::sum));
            });
            cells.put(key, funnelFigures(customers.size(), customers.stream().filter(Customer::withSale).count(),
                    cny(customers.stream().map(Customer::revenue).reduce(BigDecimal.ZERO, BigDecimal::add)), current, reached));
        });
        return cells;
    }

    /** The workload's sales name no currency, so ingest makes each one CNY. */
    private static Map<String, BigDecimal> cny(BigDecimal revenue) {
        return revenue.signum() == 0 ? Map.of() : Map.of("CNY", revenue);
    }

    static String funnelFigures(long customers, long withSale, Map<String, BigDecimal> revenue, Map<String, Long> current,
                                Map<String, Long> reached) {
        Map<String, String> amounts = new TreeMap<>();
        revenue.forEach((currency, amount) -> amounts.put(currency, plain(amount)));
        return "customers " + customers + ", with sale " + withSale + ", revenue " + amounts
                + ", current " + new TreeMap<>(current) + ", reached " + new TreeMap<>(reached);
    }

    private static Set<String> flags(Collection<FollowUpEvent> all) {
        Set<String> flags = new TreeSet<>();
        Map<String, Set<String>> customersByPhone = new TreeMap<>();
        all.forEach(f -> customersByPhone.computeIfAbsent(KillWorkload.phone(f.customerId()), p -> new TreeSet<>())
                .add(f.customerId()));
        customersByPhone.forEach((phone, customers) -> {
            if (customers.size() > 1) {
                flags.add(flag("DUPLICATE_CUSTOMER phone:" + phone, customers));
            }
        });
        // a retyped copy was generated right after its original, with the same customer and time
        Map<String, FollowUpEvent> originals = new HashMap<>();
        all.stream().filter(f -> !f.retypedCopy())
                .forEach(f -> originals.put(f.customerId() + "@" + f.occurredAt(), f));
        all.stream().filter(FollowUpEvent::retypedCopy).forEach(copy -> flags.add(flag("DUPLICATE_ENTRY",
                Set.of(originals.get(copy.customerId() + "@" + copy.occurredAt()).eventId().toString(),
                        copy.eventId().toString()))));
        return flags;
    }

    static String flag(String typeAndKey, Collection<String> members) {
        return typeAndKey + " " + new TreeSet<>(members);
    }

    /** Nobody calls these customers again and their last contact is months old: each has exactly one open STALE alert. */
    private static List<String> openAlerts(List<FollowUpEvent> counted) {
        Map<String, FollowUpEvent> latest = new TreeMap<>();
        counted.forEach(f -> latest.merge(f.customerId(), f,
                (a, b) -> a.occurredAt().isAfter(b.occurredAt()) ? a : b));
        return latest.values().stream().filter(f -> !Set.of("WON", "LOST").contains(f.stage()))
                .map(f -> f.customerId() + " STALE").sorted().toList();
    }

    /** What differs, at most a few lines per figure, or nothing. */
    List<String> differencesFrom(KillFigures actual) {
        List<String> differences = new ArrayList<>();
        if (!facts.equals(actual.facts)) {
            differences.add("facts: expected " + facts + ", got " + actual.facts);
        }
        compare("rep_activity", activity, actual.activity, differences);
        compare("funnel_cell", funnel, actual.funnel, differences);
        if (!flags.equals(actual.flags)) {
            differences.add("duplicate_flag: missing " + first(minus(flags, actual.flags)) + ", unexpected "
                    + first(minus(actual.flags, flags)));
        }
        if (!openAlerts.equals(actual.openAlerts)) {
            differences.add("open alerts: expected " + openAlerts.size() + ", got " + actual.openAlerts.size()
                    + "; missing " + first(minus(new TreeSet<>(openAlerts), new TreeSet<>(actual.openAlerts)))
                    + ", unexpected " + first(minus(new TreeSet<>(actual.openAlerts), new TreeSet<>(openAlerts))));
        }
        return differences;
    }

    private static void compare(String table, Map<String, String> expected, Map<String, String> actual,
                                List<String> differences) {
        if (expected.equals(actual)) {
            return;
        }
        List<String> rows = new ArrayList<>();
        Set<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String key : keys) {
            if (!Objects.equals(expected.get(key), actual.get(key))) {
                rows.add(key + ": expected " + expected.get(key) + ", got " + actual.get(key));
            }
        }
        differences.add(table + ": " + rows.size() + " of " + expected.size() + " rows differ, e.g. " + first(rows));
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }

    private static List<String> first(Collection<String> items) {
        return items.stream().limit(5).toList();
    }
}
