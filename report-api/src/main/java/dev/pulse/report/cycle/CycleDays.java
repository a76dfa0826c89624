package dev.pulse.report.cycle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A histogram of whole days (days -> customers) and the figures the cycle report gives from it. */
final class CycleDays {

    /** The first day of each bucket; the last bucket has no end. */
    static final int[] BUCKET_STARTS = {0, 8, 15, 31, 61, 91};

    private final TreeMap<Integer, Long> histogram = new TreeMap<>();

    void add(int days, long customers) {
        histogram.merge(days, customers, Long::sum);
    }

    long customers() {
        return histogram.values().stream().mapToLong(Long::longValue).sum();
    }

    long totalDays() {
        return histogram.entrySet().stream().mapToLong(e -> (long) e.getKey() * e.getValue()).sum();
    }

    /** The lower median: the value at position (n - 1) / 2 of the sorted days, as time in stage counts it. */
    long median() {
        long position = (customers() - 1) / 2;
        long seen = 0;
        for (Map.Entry<Integer, Long> bucket : histogram.entrySet()) {
            seen += bucket.getValue();
            if (seen > position) {
                return bucket.getKey();
            }
        }
        return histogram.lastKey();
    }

    BigDecimal average() {
        return BigDecimal.valueOf(totalDays()).divide(BigDecimal.valueOf(customers()), 2, RoundingMode.HALF_UP);
    }

    List<CycleLengthView.Bucket> buckets() {
        List<CycleLengthView.Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < BUCKET_STARTS.length; i++) {
            int from = BUCKET_STARTS[i];
            Integer to = i + 1 < BUCKET_STARTS.length ? BUCKET_STARTS[i + 1] - 1 : null;
            long n = (to == null ? histogram.tailMap(from, true) : histogram.subMap(from, true, to, true))
                    .values().stream().mapToLong(Long::longValue).sum();
            buckets.add(new CycleLengthView.Bucket(from, to, n));
        }
        return buckets;
    }
}
