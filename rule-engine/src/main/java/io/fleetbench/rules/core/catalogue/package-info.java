/** Benchmark catalogues: the recommendations of one benchmark version, loaded from YAML and validated. */
@NullMarked
package io.fleetbench.rules.core.catalogue;

import org.jspecify.annotations.NullMarked;
