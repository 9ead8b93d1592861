/**
 * Reading the host facts that CIS Docker Benchmark sections 1 to 3 and 7 need: mounts, groups, security modules,
 * audit rules, file owners and modes, and the running dockerd, all under the configurable host root.
 */
@NullMarked
package io.fleetbench.collector.hostfacts;

import org.jspecify.annotations.NullMarked;
