/**
 * Waivers: time-limited acceptance of WARN findings within a scope, with an audit trail of every change, the
 * expiry job that re-opens findings, and the ingest hook that waives matching findings as they arrive.
 */
@NullMarked
package io.fleetbench.report.waiver;

import org.jspecify.annotations.NullMarked;
