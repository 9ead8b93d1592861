/**
 * The rule core: benchmark catalogues, checks and the evaluator, in plain Java without Spring, Kafka or Docker
 * access, so that the stream app, the standalone fleet and a one-shot audit share it.
 */
@NullMarked
package io.fleetbench.rules.core;

import org.jspecify.annotations.NullMarked;
