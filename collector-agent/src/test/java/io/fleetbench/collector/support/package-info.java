/** Test support: conditions for tests that need a real Docker engine. */
@NullMarked
package io.fleetbench.collector.support;

import org.jspecify.annotations.NullMarked;
