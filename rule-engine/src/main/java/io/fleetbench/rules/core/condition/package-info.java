/**
 * Catalogue rules whose condition is an expression in the Common Expression Language (CEL): the language, the
 * snapshot values it sees and the checks that evaluate compiled conditions.
 */
@NullMarked
package io.fleetbench.rules.core.condition;

import org.jspecify.annotations.NullMarked;
