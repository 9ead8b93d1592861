/** Facts about one Docker engine and its host, free of secret values. */
@NullMarked
package io.fleetbench.model.snapshot;

import org.jspecify.annotations.NullMarked;
