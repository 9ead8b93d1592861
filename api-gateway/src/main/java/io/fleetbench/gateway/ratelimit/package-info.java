/** In-memory token-bucket rate limiting per authenticated user, answered with 429 problem details. */
@NullMarked
package io.fleetbench.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
