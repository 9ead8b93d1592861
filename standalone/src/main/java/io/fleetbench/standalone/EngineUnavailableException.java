package io.fleetbench.standalone;

/** The Docker engine to audit does not answer; the message is one line that names the engine and the fix. */
final class EngineUnavailableException extends RuntimeException {

    EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
