package io.fleetbench.model.report;

import java.util.Objects;

/**
 * Where in a source file a finding points, for findings about a file rather than a running engine, such as a
 * compose file audited before deployment.
 *
 * @param uri the file's path or URI, such as {@code docker-compose.yml}: relative to the report's source root where
 *     the file is under it, else as given
 * @param line the 1-based line of the offending key
 * @param column the 1-based column of the offending key
 */
public record FindingLocation(String uri, int line, int column) {

    public FindingLocation {
        Objects.requireNonNull(uri, "location uri is missing");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("location " + uri + ":" + line + ":" + column
                    + " is invalid: line and column start at 1");
        }
    }
}
