package io.fleetbench.gateway.security;

import java.net.InetSocketAddress;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address of the peer that sent a request. Headers such as {@code X-Forwarded-For} are ignored, because any
 * client can set them: behind a proxy, every client has the proxy's address.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    /** Returns the peer's IP address as text, or {@code unknown} when the server does not know it. */
    static String of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }
}
