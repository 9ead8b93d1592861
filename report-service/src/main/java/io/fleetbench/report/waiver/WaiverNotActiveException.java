package io.fleetbench.report.waiver;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A revocation of a waiver that is already revoked or expired, rendered as a 409 problem detail. */
public class WaiverNotActiveException extends ErrorResponseException {

    public WaiverNotActiveException(Waiver waiver) {
        super(HttpStatus.CONFLICT, problem(waiver), null);
    }

    private static ProblemDetail problem(Waiver waiver) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Waiver " + waiver.waiverId() + " is " + waiver.state().name().toLowerCase(Locale.ROOT)
                        + " and cannot be revoked. Only an active waiver can be revoked");
        problem.setTitle("Waiver not active");
        problem.setType(URI.create("urn:fleetbench:problem:waiver-not-active"));
        problem.setProperty("waiverId", waiver.waiverId());
        problem.setProperty("state", waiver.state());
        return problem;
    }
}
