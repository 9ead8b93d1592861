package io.fleetbench.standalone.audit;

/**
 * An option value or input file that the audit cannot use. The message is one line that names the bad value and
 * the fix; the command prints it and exits with status 2.
 */
final class AuditUsageException extends RuntimeException {

    AuditUsageException(String message) {
        super(message);
    }

    AuditUsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
