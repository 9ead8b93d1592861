package io.fleetbench.report.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A host id without any applied report, rendered as a 404 problem detail with a {@code hostId} property. */
class HostNotFoundException extends ErrorResponseException {

    HostNotFoundException(String hostId) {
        super(HttpStatus.NOT_FOUND, problem(hostId), null);
    }

    private static ProblemDetail problem(String hostId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "Host '" + hostId + "' is not found because no audit report for it has been stored. "
                        + "Check the id against GET /api/v1/hosts, or wait until its agent and the rule engine have"
                        + " reported it");
        problem.setTitle("Host not found");
        problem.setType(URI.create("urn:fleetbench:problem:host-not-found"));
        problem.setProperty("parameter", "hostId");
        problem.setProperty("hostId", hostId);
        return problem;
    }
}
