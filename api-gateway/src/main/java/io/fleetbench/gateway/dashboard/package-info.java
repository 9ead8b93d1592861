/** The web dashboard that the gateway serves at {@code /}: its static files and the signed-in user's roles. */
@NullMarked
package io.fleetbench.gateway.dashboard;

import org.jspecify.annotations.NullMarked;
