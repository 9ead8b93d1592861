/** In-memory token-bucket rate limiting per authenticated user, with 429 problem details for rejected requests. */
@NullMarked
package io.fleetbench.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
