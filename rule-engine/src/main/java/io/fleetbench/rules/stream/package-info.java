/** The Spring Cloud Stream app that turns host snapshots from Kafka into audit reports. */
@NullMarked
package io.fleetbench.rules.stream;

import org.jspecify.annotations.NullMarked;
