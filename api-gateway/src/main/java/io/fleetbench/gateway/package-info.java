/** The API gateway: authenticates, authorizes and rate-limits API requests before the report service sees them. */
@NullMarked
package io.fleetbench.gateway;

import org.jspecify.annotations.NullMarked;
