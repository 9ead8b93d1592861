/** RFC 9457 problem-detail responses for errors the gateway answers itself. */
@NullMarked
package io.fleetbench.gateway.problem;

import org.jspecify.annotations.NullMarked;
