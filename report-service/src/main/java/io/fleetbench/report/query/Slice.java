package io.fleetbench.report.query;

import java.util.List;

/**
 * One page of a list read in key order.
 *
 * @param items the items of this page, at most the requested limit
 * @param hasMore whether items follow the last one
 */
public record Slice<T>(List<T> items, boolean hasMore) {

    public Slice {
        items = List.copyOf(items);
    }

    /** Cuts {@code rows}, read with a limit of {@code limit + 1}, to {@code limit} items. */
    public static <T> Slice<T> of(List<T> rows, int limit) {
        boolean hasMore = rows.size() > limit;
        return new Slice<>(hasMore ? rows.subList(0, limit) : rows, hasMore);
    }
}
