package io.fleetbench.gateway.security;

/**
 * Thrown at startup when {@code fleetbench.gateway.users} cannot be used. The message names the entry and the fix;
 * it never contains a configured password or hash.
 */
public class InvalidUsersException extends RuntimeException {

    InvalidUsersException(String message) {
        super(message);
    }
}
