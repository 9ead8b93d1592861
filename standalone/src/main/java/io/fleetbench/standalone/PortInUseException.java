package io.fleetbench.standalone;

/** Thrown when a fixed port of the fleet cannot be bound. Its message is one line naming the port and the fix. */
final class PortInUseException extends RuntimeException {

    PortInUseException(String message) {
        super(message);
    }
}
