/** The API gateway: authenticates, authorizes and rate-limits API requests before they reach the report service. */
@NullMarked
package io.fleetbench.gateway;

import org.jspecify.annotations.NullMarked;
