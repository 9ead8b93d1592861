package io.fleetbench.report.web;

import io.r2dbc.spi.R2dbcException;
import java.net.URI;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Renders every error of the API as an RFC 9457 problem detail. Spring's own errors (unknown path, wrong method) and
 * this package's {@link org.springframework.web.ErrorResponseException}s are handled by the base class.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** Returns 503 for a failed database access, because most such failures pass once PostgreSQL is reachable again. */
    @ExceptionHandler({DataAccessException.class, R2dbcException.class})
    ProblemDetail handleDatabaseFailure(RuntimeException error, ServerWebExchange exchange) {
        log.error("Request {} {} failed on the report database", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), error);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Reading the report database failed. Retry later, and check the report service log if this persists");
        problem.setTitle("Report database error");
        problem.setType(URI.create("urn:fleetbench:problem:database-error"));
        return problem;
    }
}
