package io.fleetbench.report.waiver;

import io.fleetbench.model.finding.TargetKind;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The scope of a waiver besides its check id. Exactly one part is set.
 *
 * @param hostId one host
 * @param hostLabel every host with the label, as {@code key=value}
 * @param containerPattern every container whose name matches the glob, on any host
 * @param imagePattern every image whose reference matches the glob, on any host
 */
public record WaiverScope(
        @Nullable String hostId,
        @Nullable String hostLabel,
        @Nullable String containerPattern,
        @Nullable String imagePattern) {

    /** Returns whether a finding on {@code targetKey} of host {@code hostId} with {@code labels} is in scope. */
    boolean covers(String findingHostId, Map<String, String> labels, TargetKind targetKind, String targetKey) {
        if (hostId != null) {
            return hostId.equals(findingHostId);
        }
        if (hostLabel != null) {
            int separator = hostLabel.indexOf('=');
            String key = hostLabel.substring(0, separator);
            return hostLabel.substring(separator + 1).equals(labels.get(key));
        }
        if (containerPattern != null) {
            return targetKind == TargetKind.CONTAINER
                    && Glob.matches(containerPattern, targetName(TargetKind.CONTAINER, targetKey));
        }
        return imagePattern != null
                && targetKind == TargetKind.IMAGE
                && Glob.matches(imagePattern, targetName(TargetKind.IMAGE, targetKey));
    }

    /** Strips the kind prefix that {@link TargetKind#key} adds, such as {@code container:}. */
    private static String targetName(TargetKind kind, String targetKey) {
        String prefix = kind.key("");
        return targetKey.startsWith(prefix) ? targetKey.substring(prefix.length()) : targetKey;
    }
}
