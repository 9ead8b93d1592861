/** Publishing snapshots and runtime events: spooled to disk, then sent to Kafka in order, keyed by host id. */
@NullMarked
package io.fleetbench.collector.publish;

import org.jspecify.annotations.NullMarked;
