/** Versioned Kafka events, their topics and their JSON codec. */
@NullMarked
package io.fleetbench.model.event;

import org.jspecify.annotations.NullMarked;
