package dev.pulse.report.lost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the counts per group and reason into the top N reasons plus "other". The top reasons are
 * chosen over all lost customers and kept the same in every group, so a chart's series and a
 * table's columns line up; within a group, a reason's share is of that group's lost customers.
 */
final class LostReasonShares {

    private static final Comparator<String> NULLS_LAST = Comparator.nullsLast(Comparator.naturalOrder());

    private LostReasonShares() {
    }

    static LostReasonsView of(List<LostReasonCount> counts, int top, String groupBy) {
        Map<String, Long> byKey = new HashMap<>();
        Map<String, Map<String, Long>> spellings = new HashMap<>();
        Map<String, Map<String, Long>> byGroup = new LinkedHashMap<>();
        Map<String, Long> groupTotals = new HashMap<>();
        for (LostReasonCount c : counts) {
            byKey.merge(c.key(), c.customers(), Long::sum);
            spellings.computeIfAbsent(c.key(), k -> new HashMap<>()).merge(c.spelling(), c.customers(), Long::sum);
            byGroup.computeIfAbsent(c.group(), g -> new HashMap<>()).merge(c.key(), c.customers(), Long::sum);
            groupTotals.merge(c.group(), c.customers(), Long::sum);
        }
        // the spelling most customers used, over all groups, so a reason reads the same whatever the grouping
        Map<String, String> spellingOf = new HashMap<>();
        spellings.forEach((key, bySpelling) -> spellingOf.put(key, bySpelling.entrySet().stream()
                .min(Comparator.comparing((Map.Entry<String, Long> e) -> -e.getValue()).thenComparing(Map.Entry::getKey))
                .orElseThrow().getKey()));
        List<String> topKeys = byKey.keySet().stream()
                .sorted(Comparator.comparing((String key) -> -byKey.get(key))
                        .thenComparing(spellingOf::get).thenComparing(key -> key))
                .limit(top).toList();
        long lost = byKey.values().stream().mapToLong(Long::longValue).sum();
        List<LostReasonRow> reasons = rows(null, byKey, lost, topKeys, spellingOf);
        List<LostReasonRow> rows = new ArrayList<>();
        byGroup.keySet().stream()
                .sorted(Comparator.comparing((String group) -> -groupTotals.get(group)).thenComparing(g -> g, NULLS_LAST))
                .forEach(group -> rows.addAll(rows(group, byGroup.get(group), groupTotals.get(group), topKeys, spellingOf)));
        return new LostReasonsView(lost, groupBy, top, reasons, rows);
    }

    /** The top reasons the group has (in the overall order), then "other" for the rest of its customers. */
    private static List<LostReasonRow> rows(String group, Map<String, Long> counts, long total, List<String> topKeys,
                                            Map<String, String> spellingOf) {
        List<LostReasonRow> rows = new ArrayList<>();
        long named = 0;
        for (String key : topKeys) {
            long n = counts.getOrDefault(key, 0L);
            if (n > 0) {
                rows.add(new LostReasonRow(group, key, spellingOf.get(key), false, n, share(n, total)));
                named += n;
            }
        }
        if (total > named) {
            rows.add(new LostReasonRow(group, null, null, true, total - named, share(total - named, total)));
        }
        return rows;
    }

    private static BigDecimal share(long n, long total) {
        return BigDecimal.valueOf(n).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP);
    }
}
