/** The route from the API paths to the report service and the headers the gateway changes on the way. */
@NullMarked
package io.fleetbench.gateway.routing;

import org.jspecify.annotations.NullMarked;
