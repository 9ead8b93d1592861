package io.fleetbench.model.event;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identity of one audited Docker engine as the agent reports it.
 *
 * @param id stable host id, the Kafka key of every record about this host
 * @param name operator-given display name
 * @param labels operator labels for grouping (environment, team, region)
 * @param agentVersion version of the collector agent that produced the record
 */
public record HostDescriptor(String id, String name, Map<String, String> labels, String agentVersion) {

    /** Host ids are used as Kafka keys, URL path segments and database keys, so they stay in a safe alphabet. */
    public static final Pattern ID_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    public HostDescriptor {
        Objects.requireNonNull(id, "host.id is missing");
        if (!ID_PATTERN.matcher(id).matches()) {
            throw new IllegalArgumentException("host.id '" + abbreviate(id)
                    + "' is invalid: use 1 to 128 characters of letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
        }
        name = (name == null || name.isBlank()) ? id : name;
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        agentVersion = agentVersion == null ? "unknown" : agentVersion;
    }

    static String abbreviate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "…";
    }
}
