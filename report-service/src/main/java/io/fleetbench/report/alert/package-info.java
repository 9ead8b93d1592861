/**
 * Alerts about newly warning findings and expired waivers: written to an outbox table in the transaction of the
 * change, then delivered in the background to a signed webhook and to syslog, with retries and back-off.
 */
@NullMarked
package io.fleetbench.report.alert;

import org.jspecify.annotations.NullMarked;
