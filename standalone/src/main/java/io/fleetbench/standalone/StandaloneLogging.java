package io.fleetbench.standalone;

import java.nio.file.Path;

/**
 * Points Logback at the command's own configuration before the first logger exists, and stops Spring Boot from
 * re-initialising logging once per service context, because all services share one JVM and one log file.
 */
final class StandaloneLogging {

    static final String LOG_FILE_PROPERTY = "fleetbench.log.file";

    private StandaloneLogging() {
    }

    static void configure() {
        System.setProperty("logback.configurationFile", "fleetbench-logback.xml");
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
    }

    /** Sends the log to {@code file}; takes effect only before the first logger is created. */
    static void useLogFile(Path file) {
        if (System.getProperty(LOG_FILE_PROPERTY) == null) {
            System.setProperty(LOG_FILE_PROPERTY, file.toAbsolutePath().toString());
        }
    }
}
