/** Checks for secrets in plain-text configuration; they see variable names only, never values. */
@NullMarked
package io.fleetbench.rules.core.check.secret;

import org.jspecify.annotations.NullMarked;
