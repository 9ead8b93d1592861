/** Checks of each container's runtime configuration: privileges, namespaces, mounts, ports and resource limits. */
@NullMarked
package io.fleetbench.rules.core.check.runtime;

import org.jspecify.annotations.NullMarked;
