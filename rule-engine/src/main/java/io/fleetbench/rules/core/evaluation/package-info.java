/** Evaluation of a host snapshot against a benchmark catalogue into an audit report. */
@NullMarked
package io.fleetbench.rules.core.evaluation;

import org.jspecify.annotations.NullMarked;
