/** HTTP Basic authentication against the configured users, role rules for the API and their problem-detail errors. */
@NullMarked
package io.fleetbench.gateway.security;

import org.jspecify.annotations.NullMarked;
