/** The server-sent event stream of finding transitions. */
@NullMarked
package io.fleetbench.report.stream;

import org.jspecify.annotations.NullMarked;
