package io.fleetbench.report.waiver;

import io.fleetbench.model.event.HostDescriptor;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Creates, lists and revokes waivers, and serves their change logs. The API gateway authenticates the user and
 * passes the name in {@value #USER_HEADER}, which is recorded as the author of every change.
 */
@RestController
@RequestMapping("/api/v1/waivers")
class WaiverController {

    static final String USER_HEADER = "X-Fleetbench-User";

    private final WaiverService waivers;

    WaiverController(WaiverService waivers) {
        this.waivers = waivers;
    }

    @PostMapping
    Mono<ResponseEntity<Waiver>> create(@RequestHeader(name = USER_HEADER, required = false) @Nullable String user,
            @RequestBody WaiverRequest request) {
        String actor = actor(user);
        return waivers.create(request, actor).map(waiver -> ResponseEntity
                .created(URI.create("/api/v1/waivers/" + waiver.waiverId()))
                .body(waiver));
    }

    /** Lists waivers ordered by id. {@code state} is {@code active}, {@code expired} or {@code revoked}. */
    @GetMapping
    Mono<List<Waiver>> list(@RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String check,
            @RequestParam(required = false) @Nullable String host) {
        if (host != null && !HostDescriptor.ID_PATTERN.matcher(host).matches()) {
            throw badParameter("host", host, "Use 1 to 128 letters, digits, '.', '_', ':' or '-'");
        }
        return waivers.list(state(state), blankToNull(check), blankToNull(host)).collectList();
    }

    @GetMapping("/{waiverId}")
    Mono<Waiver> get(@PathVariable long waiverId) {
        return waivers.find(waiverId).switchIfEmpty(Mono.error(() -> notFound(waiverId)));
    }

    @GetMapping("/{waiverId}/changes")
    Mono<List<WaiverChange>> changes(@PathVariable long waiverId) {
        return waivers.find(waiverId)
                .switchIfEmpty(Mono.error(() -> notFound(waiverId)))
                .flatMap(waiver -> waivers.changes(waiverId).collectList());
    }

    /** Revokes an active waiver. Revoking a waiver that is already revoked or expired is a 409 conflict. */
    @DeleteMapping("/{waiverId}")
    Mono<Waiver> revoke(@RequestHeader(name = USER_HEADER, required = false) @Nullable String user,
            @PathVariable long waiverId) {
        String actor = actor(user);
        return waivers.revoke(waiverId, actor).switchIfEmpty(Mono.error(() -> notFound(waiverId)));
    }

    private static String actor(@Nullable String user) {
        if (user == null || user.isBlank()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "Header " + USER_HEADER + " is missing. Send waiver changes through the API gateway, which sets"
                            + " it to the authenticated user");
            problem.setTitle("Missing user");
            problem.setType(URI.create("urn:fleetbench:problem:missing-user"));
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        return user.strip();
    }

    private static Waiver.@Nullable State state(@Nullable String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return Waiver.State.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw badParameter("state", state, "Use active, expired or revoked");
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static ErrorResponseException badParameter(String parameter, String value, String expected) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Parameter '" + parameter + "' has the invalid value '" + value + "'. " + expected);
        problem.setTitle("Invalid request parameter");
        problem.setType(URI.create("urn:fleetbench:problem:invalid-parameter"));
        problem.setProperty("parameter", parameter);
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    private static ErrorResponseException notFound(long waiverId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "Waiver " + waiverId + " is not found. List the waivers with GET /api/v1/waivers");
        problem.setTitle("Waiver not found");
        problem.setType(URI.create("urn:fleetbench:problem:waiver-not-found"));
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
