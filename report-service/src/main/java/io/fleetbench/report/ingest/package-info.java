/** Consumption of audit reports from Kafka into the report store. */
@NullMarked
package io.fleetbench.report.ingest;

import org.jspecify.annotations.NullMarked;
