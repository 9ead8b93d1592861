/**
 * The one-shot local audit, {@code fleetbench audit}: collects the local engine with the agent's classes, evaluates
 * it with the rule core in the same process, and writes one report for people or CI. Also audits compose files
 * before deployment.
 */
@NullMarked
package io.fleetbench.standalone.audit;

import org.jspecify.annotations.NullMarked;
