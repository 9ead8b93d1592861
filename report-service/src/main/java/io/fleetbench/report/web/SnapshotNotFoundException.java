package io.fleetbench.report.web;

import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * No stored snapshot of a host at a requested time, rendered as a 404 problem detail with {@code parameter},
 * {@code value} and {@code hostId} properties.
 */
class SnapshotNotFoundException extends ErrorResponseException {

    /**
     * @param at the requested time, or {@code null} when the request named no time and the host has no snapshot
     * @param oldest the collection time of the host's oldest stored snapshot, or {@code null} without any
     */
    SnapshotNotFoundException(String hostId, String parameter, @Nullable Instant at, @Nullable Instant oldest) {
        super(HttpStatus.NOT_FOUND, problem(hostId, parameter, at, oldest), null);
    }

    private static ProblemDetail problem(String hostId, String parameter, @Nullable Instant at,
            @Nullable Instant oldest) {
        String detail = oldest == null || at == null
                ? "No snapshot of host '" + hostId + "' is stored. Check the id against GET /api/v1/hosts, or wait"
                        + " until its agent has sent a snapshot"
                : "No snapshot of host '" + hostId + "' was collected at or before " + at + ". The oldest stored"
                        + " snapshot is from " + oldest + ": either the host sent none before, or older ones were"
                        + " deleted after fleetbench.report.facts-retention. Use a time at or after " + oldest;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle("Snapshot not found");
        problem.setType(URI.create("urn:fleetbench:problem:snapshot-not-found"));
        problem.setProperty("parameter", parameter);
        problem.setProperty("value", at == null ? hostId : at.toString());
        problem.setProperty("hostId", hostId);
        return problem;
    }
}
