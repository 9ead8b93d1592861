/**
 * Exports of current results per host and over the fleet (docker-bench text, CSV, JSON, SARIF, JUnit XML), and the
 * per-framework compliance views built from the check-to-control mapping in {@code compliance-mappings.json}.
 */
@NullMarked
package io.fleetbench.report.export;

import org.jspecify.annotations.NullMarked;
