package io.fleetbench.report.waiver;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A waiver request with missing or invalid fields, rendered as a 400 problem detail listing every error. */
public class InvalidWaiverException extends ErrorResponseException {

    private final List<String> errors;

    public InvalidWaiverException(List<String> errors) {
        super(HttpStatus.BAD_REQUEST, problem(errors), null);
        this.errors = List.copyOf(errors);
    }

    /** Returns one message per invalid field. */
    public List<String> errors() {
        return errors;
    }

    private static ProblemDetail problem(List<String> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The waiver is invalid: " + String.join("; ", errors) + ".");
        problem.setTitle("Invalid waiver");
        problem.setType(URI.create("urn:fleetbench:problem:invalid-waiver"));
        problem.setProperty("errors", errors);
        return problem;
    }
}
