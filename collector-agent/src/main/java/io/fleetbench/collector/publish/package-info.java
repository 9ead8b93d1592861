/** Publishing snapshots to Kafka, keyed by host id. */
@NullMarked
package io.fleetbench.collector.publish;

import org.jspecify.annotations.NullMarked;
