package io.fleetbench.report.export;

import java.util.List;

/**
 * The fleet's current findings seen through one compliance framework.
 *
 * @param framework framework id, such as {@code pci-dss-4.0}
 * @param name the framework's name
 * @param version the framework's version
 * @param benchmarkVersion benchmark version whose findings are counted
 * @param disclaimer states that the mapping is Fleetbench's own interpretation
 * @param controls one entry per mapped control, in the framework's order
 */
public record ComplianceView(String framework, String name, String version, String benchmarkVersion,
        String disclaimer, List<ControlStatus> controls) {

    /**
     * The evidence for one control.
     *
     * @param controlId the control's number in the framework
     * @param title a short description in Fleetbench's words
     * @param checks the benchmark check ids mapped to it
     * @param status {@code FAILING} when an unwaived WARN finding exists, else {@code REVIEW} when an INFO or NOTE
     *     finding needs a manual decision, else {@code PASSING} when every finding passes or is waived, else
     *     {@code NO_DATA}
     * @param pass findings that pass
     * @param warn WARN findings without an active waiver
     * @param waived WARN findings with an active waiver
     * @param review INFO and NOTE findings
     * @param failingHosts hosts with at least one unwaived WARN finding of the control's checks, counted per check
     *     and summed, so a host failing two checks counts twice
     */
    public record ControlStatus(String controlId, String title, List<String> checks, String status, long pass,
            long warn, long waived, long review, long failingHosts) {
    }
}
