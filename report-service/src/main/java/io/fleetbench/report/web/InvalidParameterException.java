package io.fleetbench.report.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request parameter with an invalid value, rendered as a 400 problem detail with {@code parameter} and
 * {@code value} properties.
 */
class InvalidParameterException extends ErrorResponseException {

    InvalidParameterException(String parameter, String value, String expected) {
        super(HttpStatus.BAD_REQUEST, problem(parameter, value, expected), null);
    }

    private static ProblemDetail problem(String parameter, String value, String expected) {
        String abbreviatedValue = abbreviate(value);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Parameter '" + parameter + "' has the invalid value '" + abbreviatedValue + "'. " + expected);
        problem.setTitle("Invalid request parameter");
        problem.setType(URI.create("urn:fleetbench:problem:invalid-parameter"));
        problem.setProperty("parameter", parameter);
        problem.setProperty("value", abbreviatedValue);
        return problem;
    }

    /** Returns {@code value} cut to 64 characters, so that an error never repeats a huge value. */
    static String abbreviate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "…";
    }
}
