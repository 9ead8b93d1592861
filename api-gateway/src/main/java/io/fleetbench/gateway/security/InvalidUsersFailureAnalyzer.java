package io.fleetbench.gateway.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints an {@link InvalidUsersException} as Spring Boot's short startup-failure report instead of a long stack
 * trace. Registered in {@code META-INF/spring.factories}.
 */
class InvalidUsersFailureAnalyzer extends AbstractFailureAnalyzer<InvalidUsersException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidUsersException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Correct fleetbench.gateway.users: each entry needs a name, a password-hash with the {bcrypt} prefix "
                        + "and at least one role (VIEWER or ADMIN).",
                cause);
    }
}
