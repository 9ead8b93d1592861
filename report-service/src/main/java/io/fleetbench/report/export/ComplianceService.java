package io.fleetbench.report.export;

import io.fleetbench.model.finding.Status;
import io.fleetbench.report.export.ComplianceMapping.Control;
import io.fleetbench.report.export.ComplianceMapping.Framework;
import io.fleetbench.report.export.ExportQueries.CheckStatusCount;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Builds the compliance view of one framework from the fleet's current findings and the bundled mapping. */
@Service
class ComplianceService {

    static final String DISCLAIMER = "This mapping of CIS Docker Benchmark checks to framework controls is"
            + " Fleetbench's own interpretation. It is not endorsed by the framework's owner, and the checks give"
            + " partial evidence only: no control is met by these checks alone.";

    private final ComplianceMapping mapping = ComplianceMapping.load();
    private final ExportQueries queries;

    ComplianceService(ExportQueries queries) {
        this.queries = queries;
    }

    List<String> frameworkIds() {
        return mapping.frameworkIds();
    }

    /** Returns the view of {@code frameworkId}, or an empty {@code Optional} when it is not mapped. */
    Optional<Mono<ComplianceView>> view(String frameworkId) {
        return mapping.framework(frameworkId).map(framework -> queries.checkStatusCounts()
                .collectList()
                .map(counts -> view(framework, counts)));
    }

    private ComplianceView view(Framework framework, List<CheckStatusCount> counts) {
        List<ComplianceView.ControlStatus> controls = new ArrayList<>();
        for (Control control : framework.controls()) {
            long pass = 0;
            long warn = 0;
            long waived = 0;
            long review = 0;
            long failingHosts = 0;
            for (CheckStatusCount count : counts) {
                String mappedId = mapping.mappedCheckId(count.benchmarkVersion(), count.checkId());
                if (mappedId == null || !control.checks().contains(mappedId)) {
                    continue;
                }
                if (count.status() == Status.PASS) {
                    pass += count.findings();
                } else if (count.status() == Status.WARN && count.waived()) {
                    waived += count.findings();
                } else if (count.status() == Status.WARN) {
                    warn += count.findings();
                    failingHosts += count.hosts();
                } else {
                    review += count.findings();
                }
            }
            String status;
            if (warn > 0) {
                status = "FAILING";
            } else if (review > 0) {
                status = "REVIEW";
            } else if (pass + waived > 0) {
                status = "PASSING";
            } else {
                status = "NO_DATA";
            }
            controls.add(new ComplianceView.ControlStatus(control.id(), control.title(), control.checks(), status,
                    pass, warn, waived, review, failingHosts));
        }
        return new ComplianceView(framework.id(), framework.name(), framework.version(), mapping.benchmarkVersion(),
                DISCLAIMER, controls);
    }
}
