package dev.pulse.bench.measure;

import java.util.Arrays;

/**
 * Latency percentiles by the nearest-rank method: the p-th percentile of n values is the value
 * at rank ceil(p/100 * n) of the sorted values, always one of the measured values.
 */
public record Percentiles(int count, double p50, double p95, double p99, double max) {

    public static Percentiles of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to take percentiles of");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99), sorted[sorted.length - 1]);
    }

    static double rank(double[] sorted, double percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}
