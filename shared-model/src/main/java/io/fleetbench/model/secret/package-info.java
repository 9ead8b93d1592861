/** Rules for names that mark a secret, shared by the agent that redacts values and the checks that report them. */
@NullMarked
package io.fleetbench.model.secret;

import org.jspecify.annotations.NullMarked;
