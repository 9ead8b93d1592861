package io.fleetbench.model.snapshot;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One audit rule that watches a path.
 *
 * @param path the watched path
 * @param permissions the access types watched, a subset of {@code rwxa}; empty means all
 * @param key the rule's key ({@code -k} or {@code -F key=}), or {@code null}
 * @param source {@code auditctl -l} or the host path of the rule file
 */
public record AuditWatch(String path, String permissions, @Nullable String key, String source) {

    public AuditWatch {
        Objects.requireNonNull(path, "watched path is missing");
        permissions = permissions == null ? "" : permissions;
        source = source == null ? "" : source;
    }
}
