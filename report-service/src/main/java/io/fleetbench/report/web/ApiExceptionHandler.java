package io.fleetbench.report.web;

import io.r2dbc.spi.R2dbcException;
import java.net.URI;
import java.util.Locale;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.DatabindException;

/**
 * Renders every error of the API as an RFC 9457 problem detail. Spring's own errors (unknown path, wrong method) and
 * this package's {@link org.springframework.web.ErrorResponseException}s are handled by the base class.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /**
     * Names the parameter and the value of a path or query parameter of the wrong type, and the place in the body of
     * a request body that does not read as the endpoint's JSON, instead of Spring's generic detail.
     */
    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException error,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = error.getBody();
        MethodParameter parameter = error.getMethodParameter();
        if (error.getCause() instanceof TypeMismatchException mismatch) {
            String name = parameter != null && parameter.getParameterName() != null
                    ? parameter.getParameterName() : String.valueOf(mismatch.getPropertyName());
            String value = String.valueOf(mismatch.getValue());
            String expected = mismatch.getRequiredType() == null ? "another type"
                    : mismatch.getRequiredType().getSimpleName().toLowerCase(Locale.ROOT);
            problem.setTitle("Invalid request parameter");
            problem.setType(URI.create("urn:fleetbench:problem:invalid-parameter"));
            problem.setDetail("Invalid value '" + InvalidParameterException.abbreviate(value) + "' for " + name
                    + ": use a value of type " + expected);
            problem.setProperty("parameter", name);
            problem.setProperty("value", InvalidParameterException.abbreviate(value));
        } else {
            DatabindException body = cause(error, DatabindException.class);
            if (body != null) {
                String path = body.getPathReference();
                problem.setTitle("Invalid request body");
                problem.setDetail("The request body does not match this endpoint's JSON"
                        + (path == null || path.isBlank() ? "" : " at " + path) + ": "
                        + InvalidParameterException.abbreviate(body.getOriginalMessage())
                        + ". See docs/api.md for the fields and their formats");
            } else if (cause(error, tools.jackson.core.JacksonException.class) != null) {
                problem.setTitle("Invalid request body");
                problem.setDetail("The request body is not valid JSON. See docs/api.md for the expected body");
            }
        }
        return handleExceptionInternal(error, problem, headers, status, exchange);
    }

    private static <T extends Throwable> @Nullable T cause(Throwable error, Class<T> type) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
        }
        return null;
    }

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
