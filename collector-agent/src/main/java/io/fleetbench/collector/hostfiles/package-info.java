/** Reading the host's Docker files, such as daemon.json, under a configurable host root. */
@NullMarked
package io.fleetbench.collector.hostfiles;

import org.jspecify.annotations.NullMarked;
