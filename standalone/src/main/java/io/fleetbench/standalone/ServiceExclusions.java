package io.fleetbench.standalone;

import java.util.List;

/** Auto-configurations each service context leaves out because they belong to another service on the classpath. */
final class ServiceExclusions {

    static final List<String> REPORT_SERVICE = List.of();
    static final List<String> RULE_ENGINE = List.of();
    static final List<String> GATEWAY = List.of();
    static final List<String> COLLECTOR = List.of();

    private ServiceExclusions() {
    }
}
