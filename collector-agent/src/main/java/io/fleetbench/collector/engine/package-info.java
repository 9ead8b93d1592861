/** Reading the Docker engine through docker-java and turning its responses into snapshot records. */
@NullMarked
package io.fleetbench.collector.engine;

import org.jspecify.annotations.NullMarked;
