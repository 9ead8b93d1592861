/**
 * PostgreSQL access through jOOQ over R2DBC: applying a report as one transaction, and the queries behind the API.
 * The table classes in {@code store.jooq} are generated from the Flyway scripts during the build.
 */
@NullMarked
package io.fleetbench.report.store;

import org.jspecify.annotations.NullMarked;
