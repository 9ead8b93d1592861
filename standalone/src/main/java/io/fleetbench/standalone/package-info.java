/** The fleetbench command line and the standalone fleet: every service in one JVM on embedded Kafka and PostgreSQL. */
package io.fleetbench.standalone;
