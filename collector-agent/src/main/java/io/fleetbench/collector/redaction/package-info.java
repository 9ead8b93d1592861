/** Detecting secret-looking names and values, so that secret values are dropped before anything is serialised. */
@NullMarked
package io.fleetbench.collector.redaction;

import org.jspecify.annotations.NullMarked;
