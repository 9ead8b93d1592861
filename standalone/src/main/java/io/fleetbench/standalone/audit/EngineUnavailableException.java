package io.fleetbench.standalone.audit;

import java.net.URI;

/** The engine to audit does not respond. The message is one line that names the address and the fix. */
final class EngineUnavailableException extends RuntimeException {

    EngineUnavailableException(URI dockerHost, Throwable cause) {
        super("Docker engine at " + dockerHost + " is not reachable (" + rootMessage(cause) + "): start Docker, or "
                + "pass --docker-host with the engine's socket, such as unix:///var/run/docker.sock", cause);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("").strip();
        return message.isEmpty() ? root.getClass().getSimpleName() : root.getClass().getSimpleName() + ": " + message;
    }
}
