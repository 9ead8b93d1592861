/** Read models that the HTTP API returns: hosts, their current findings, transitions and fleet counts. */
@NullMarked
package io.fleetbench.report.query;

import org.jspecify.annotations.NullMarked;
