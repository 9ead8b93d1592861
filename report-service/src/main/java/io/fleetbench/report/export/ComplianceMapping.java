package io.fleetbench.report.export;

import io.fleetbench.model.event.EventCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import java.util.List;
import java.util.Optional;

/**
 * The mapping of benchmark check ids to the controls of compliance frameworks, loaded from the classpath resource
 * {@value #RESOURCE}. The mapping is Fleetbench's own interpretation, not an official one.
 *
 * @param benchmarkVersion benchmark catalogue version whose check ids the mapping uses
 * @param frameworks the mapped frameworks
 * @param checkIdsOfOtherVersions per other catalogue version, its check ids that differ from the mapping's: the
 *     mapping's id of the same recommendation, or an empty string when the mapping has no such recommendation. Ids
 *     not listed are the same in both versions. Findings of a version not listed here are not counted
 */
record ComplianceMapping(String benchmarkVersion, List<Framework> frameworks,
        @Nullable Map<String, Map<String, String>> checkIdsOfOtherVersions) {

    static final String RESOURCE = "compliance-mappings.json";

    ComplianceMapping {
        frameworks = List.copyOf(frameworks);
        checkIdsOfOtherVersions = checkIdsOfOtherVersions == null ? Map.of() : Map.copyOf(checkIdsOfOtherVersions);
    }

    /**
     * Returns the mapping's check id for check {@code checkId} of catalogue {@code version}, or {@code null} when the
     * mapping has no such recommendation or does not know the version.
     */
    @Nullable String mappedCheckId(String version, String checkId) {
        if (version.equals(benchmarkVersion)) {
            return checkId;
        }
        Map<String, String> renamed = checkIdsOfOtherVersions.get(version);
        if (renamed == null) {
            return null;
        }
        String mapped = renamed.getOrDefault(checkId, checkId);
        return mapped.isEmpty() ? null : mapped;
    }

    /** Returns the catalogue versions whose findings the mapping counts, its own first. */
    List<String> countedVersions() {
        List<String> versions = new ArrayList<>();
        versions.add(benchmarkVersion);
        versions.addAll(new TreeSet<>(checkIdsOfOtherVersions.keySet()));
        return versions;
    }

    /** Loads the bundled mapping. */
    static ComplianceMapping load() {
        try (InputStream in = ComplianceMapping.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Classpath resource " + RESOURCE + " is missing from the build");
            }
            // The codec's mapper ignores unknown fields, such as the file's _comment.
            return EventCodec.mapper().readValue(in, ComplianceMapping.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + RESOURCE + " failed", e);
        }
    }

    Optional<Framework> framework(String id) {
        return frameworks.stream().filter(framework -> framework.id().equals(id)).findFirst();
    }

    List<String> frameworkIds() {
        return frameworks.stream().map(Framework::id).toList();
    }

    /**
     * One framework.
     *
     * @param id identifier in the URL, such as {@code pci-dss-4.0}
     * @param name the framework's name
     * @param version the framework's version
     * @param controls the mapped controls in document order
     */
    record Framework(String id, String name, String version, List<Control> controls) {
    }

    /**
     * One control of a framework.
     *
     * @param id the control's number in the framework
     * @param title a short description in Fleetbench's words
     * @param checks the benchmark check ids that give evidence for it
     */
    record Control(String id, String title, List<String> checks) {
    }
}
