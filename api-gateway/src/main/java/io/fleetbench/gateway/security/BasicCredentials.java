package io.fleetbench.gateway.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/** Reads the user name of HTTP Basic credentials (RFC 7617) without touching the password. */
final class BasicCredentials {

    private static final String SCHEME = "Basic ";

    private BasicCredentials() {
    }

    /** Returns whether the request's {@code Authorization} header uses the Basic scheme, in any letter case. */
    static boolean sent(ServerHttpRequest request) {
        String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    /**
     * Returns the user name of the request's Basic credentials: the decoded text before the first colon. Returns
     * empty when no Basic credentials were sent or they are not valid Base64 with a colon.
     */
    static Optional<String> userName(ServerHttpRequest request) {
        if (!sent(request)) {
            return Optional.empty();
        }
        String token = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION).substring(SCHEME.length()).strip();
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String credentials = new String(decoded, StandardCharsets.UTF_8);
        int colon = credentials.indexOf(':');
        return colon < 0 ? Optional.empty() : Optional.of(credentials.substring(0, colon));
    }

    /** Returns the user name as {@link #userName} does, or {@code null}. */
    static @Nullable String userNameOrNull(ServerHttpRequest request) {
        return userName(request).orElse(null);
    }
}
