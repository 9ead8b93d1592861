package io.fleetbench.rules.core.catalogue;

/**
 * A benchmark catalogue that cannot be used: unreadable YAML, a missing or mistyped field, an unknown check key or
 * target kind, or a duplicate id. The message names the file, the recommendation and the bad value.
 */
public class InvalidCatalogueException extends RuntimeException {

    public InvalidCatalogueException(String message) {
        super(message);
    }

    public InvalidCatalogueException(String message, Throwable cause) {
        super(message, cause);
    }
}
