/** The host id and the snapshot sequence number, both kept in the agent's state folder. */
@NullMarked
package io.fleetbench.collector.identity;

import org.jspecify.annotations.NullMarked;
