/** The collector agent: reads one Docker engine and its host, and publishes full snapshots on a schedule. */
@NullMarked
package io.fleetbench.collector;

import org.jspecify.annotations.NullMarked;
