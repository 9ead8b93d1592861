/**
 * Checks: pure functions from a host snapshot to one verdict per target, and the registry that maps catalogue keys
 * to them. The sub-packages hold the checks by concept.
 */
@NullMarked
package io.fleetbench.rules.core.check;

import org.jspecify.annotations.NullMarked;
