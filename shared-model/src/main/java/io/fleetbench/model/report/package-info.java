/** Renderings of audit reports for people and tools, shared by the standalone fleet, the local audit and exports. */
@NullMarked
package io.fleetbench.model.report;

import org.jspecify.annotations.NullMarked;
