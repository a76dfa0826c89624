package dev.pulse.report.drill;

import java.util.List;

/**
 * One page of the list behind a figure.
 *
 * @param total  the list's whole length: the figure it traces
 * @param offset rows skipped before this page
 * @param limit  the most rows a page holds
 */
public record DrillPage<T>(long total, int offset, int limit, List<T> rows) {

    static <T> DrillPage<T> of(List<T> all, int offset, int limit) {
        int from = Math.min(offset, all.size());
        return new DrillPage<>(all.size(), offset, limit, all.subList(from, Math.min(all.size(), from + limit)));
    }
}
