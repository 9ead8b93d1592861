/** The agent's disk spool: records wait here, in order, until Kafka has acknowledged them. */
@NullMarked
package io.fleetbench.collector.spool;

import org.jspecify.annotations.NullMarked;
