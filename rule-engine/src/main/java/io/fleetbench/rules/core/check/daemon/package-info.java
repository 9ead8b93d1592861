/** Checks of the daemon's effective configuration, from daemon.json, the dockerd command line and the engine API. */
@NullMarked
package io.fleetbench.rules.core.check.daemon;

import org.jspecify.annotations.NullMarked;
