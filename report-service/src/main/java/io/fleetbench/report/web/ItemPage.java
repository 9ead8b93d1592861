package io.fleetbench.report.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list response.
 *
 * @param items the items of this page
 * @param nextCursor the {@code cursor} parameter that returns the next page, or {@code null} on the last page
 */
record ItemPage<T>(List<T> items, @Nullable String nextCursor) {
}
