package io.fleetbench.standalone;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of one standalone fleet.
 *
 * @param dockerHost the Docker engine the agent audits
 * @param gatewayPort the loopback port of the API gateway, 0 for a free one
 * @param dataDir the folder for the broker's log, the database, the agent's state and the admin password
 * @param interval how often the agent sends a full snapshot
 */
record StandaloneOptions(URI dockerHost, int gatewayPort, Path dataDir, Duration interval) {
}
