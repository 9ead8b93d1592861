package io.fleetbench.gateway.problem;

import java.net.URI;
import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes an RFC 9457 problem detail as the response body, with the same codecs that WebFlux uses for controllers.
 * The {@code instance} member is the request path, and {@code requestId} is the server's id of the request, which the
 * gateway's log lines about failed requests also name.
 */
@Component
public class ProblemResponseWriter {

    private static final ResolvableType PROBLEM_TYPE = ResolvableType.forClass(ProblemDetail.class);

    private final HttpMessageWriter<ProblemDetail> writer;

    @SuppressWarnings("unchecked")
    public ProblemResponseWriter(ServerCodecConfigurer codecs) {
        this.writer = (HttpMessageWriter<ProblemDetail>) codecs.getWriters().stream()
                .filter(candidate -> candidate.canWrite(PROBLEM_TYPE, MediaType.APPLICATION_PROBLEM_JSON))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "No HTTP message writer for application/problem+json was found. Add a JSON library such as Jackson."));
    }

    /** Sets the status and writes a problem detail with the given detail text, unless the response is committed. */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return write(exchange, problem);
    }

    /** Sets the problem's status and writes it; headers set before, such as {@code WWW-Authenticate}, are kept. */
    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(new IllegalStateException("Response for request " + exchange.getRequest().getId()
                    + " is already committed, so the problem detail '" + problem.getDetail() + "' was not sent"));
        }
        if (problem.getTitle() == null) {
            HttpStatus status = HttpStatus.resolve(problem.getStatus());
            problem.setTitle(status == null ? null : status.getReasonPhrase());
        }
        problem.setInstance(URI.create(exchange.getRequest().getURI().getRawPath()));
        problem.setProperty("requestId", exchange.getRequest().getId());

        exchange.getResponse().setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        return writer.write(Mono.just(problem), PROBLEM_TYPE, MediaType.APPLICATION_PROBLEM_JSON,
                exchange.getResponse(), Map.of());
    }
}
