/** The report service's entry point and its typed configuration. */
@NullMarked
package io.fleetbench.report;

import org.jspecify.annotations.NullMarked;
