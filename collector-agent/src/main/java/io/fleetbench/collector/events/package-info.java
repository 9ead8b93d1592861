/** Following the engine's event stream: collection triggers, runtime events and their recent window. */
@NullMarked
package io.fleetbench.collector.events;

import org.jspecify.annotations.NullMarked;
