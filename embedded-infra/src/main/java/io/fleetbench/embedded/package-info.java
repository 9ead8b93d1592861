/** Real Kafka and PostgreSQL servers run in-process, for the standalone fleet and for tests. */
package io.fleetbench.embedded;
