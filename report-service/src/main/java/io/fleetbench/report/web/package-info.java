/** The JSON API under {@code /api/v1}, with errors as RFC 9457 problem details. */
@NullMarked
package io.fleetbench.report.web;

import org.jspecify.annotations.NullMarked;
