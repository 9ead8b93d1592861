/** RFC 9457 problem-detail responses for errors that the gateway responds to itself. */
@NullMarked
package io.fleetbench.gateway.problem;

import org.jspecify.annotations.NullMarked;
