package io.fleetbench.collector.engine;

import java.net.URI;

/**
 * The Docker engine did not respond: the socket is missing, the agent may not open it, or the connection timed out.
 * The message is one line that names the engine's address and what to check, so a command-line runner can print
 * it as it is.
 */
public class EngineUnreachableException extends RuntimeException {

    private final URI dockerHost;

    public EngineUnreachableException(URI dockerHost, Throwable cause) {
        super("Docker engine at " + dockerHost + " did not respond (" + describe(cause) + "): check that dockerd is"
                + " running and that this user may open its socket, or set fleetbench.collector.docker-host to the"
                + " engine's address", cause);
        this.dockerHost = dockerHost;
    }

    /** Returns the address the agent tried. */
    public URI dockerHost() {
        return dockerHost;
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + message;
    }
}
