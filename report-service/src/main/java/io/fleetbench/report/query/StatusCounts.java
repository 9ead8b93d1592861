package io.fleetbench.report.query;

import io.fleetbench.model.finding.Status;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Builds the per-status finding counts of the API, which always list every status, with zero where none. */
public final class StatusCounts {

    private StatusCounts() {
    }

    /** Returns a mutable map with every status at zero, in declaration order. */
    public static EnumMap<Status, Long> zero() {
        EnumMap<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            counts.put(status, 0L);
        }
        return counts;
    }

    /** Returns an unmodifiable copy of {@code counts} with every status present. */
    public static Map<Status, Long> complete(Map<Status, Long> counts) {
        EnumMap<Status, Long> complete = zero();
        complete.putAll(counts);
        return Collections.unmodifiableMap(complete);
    }

    /** Adds {@code addend} to {@code total}, status by status. */
    public static void addTo(EnumMap<Status, Long> total, Map<Status, Long> addend) {
        addend.forEach((status, count) -> total.merge(status, count, Long::sum));
    }
}
