package io.fleetbench.rules.core.condition;

/** A rule condition that does not compile, names an unknown variable or function, or does not return a verdict. */
public class InvalidConditionException extends RuntimeException {

    public InvalidConditionException(String message) {
        super(message);
    }

    public InvalidConditionException(String message, Throwable cause) {
        super(message, cause);
    }
}
