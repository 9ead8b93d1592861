package io.fleetbench.model.event;

/**
 * A consumed record that cannot be accepted: malformed JSON, a missing or invalid field, an unsupported schema
 * version, or an oversized record. Consumers send such a record to the dead-letter topic instead of retrying it.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
