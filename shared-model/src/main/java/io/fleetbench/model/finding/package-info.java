/** Findings: the verdict of one check on one target. */
@NullMarked
package io.fleetbench.model.finding;

import org.jspecify.annotations.NullMarked;
