package io.fleetbench.standalone.audit;

import io.fleetbench.model.event.HostDescriptor;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.report.FindingLocation;
import io.fleetbench.model.report.FindingLocator;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The file locations of a report, in the form each output format writes them.
 *
 * <p>Text and JSON name a file as the user gave it. SARIF and JUnit XML name a file inside the working directory by
 * its path relative to that directory. So code-scanning and CI tools can place the finding in a checkout of the same
 * repository, and the report does not show the folder layout of the machine it ran on. SARIF writes that
 * path as a percent-encoded URI reference with the base id {@code %SRCROOT%}, which the run declares as the working
 * directory's {@code file://} URI. A file outside the working directory keeps an absolute {@code file://} URI in
 * SARIF and the path as given in JUnit XML.
 *
 * <p>A file reached through a symbolic link is named by the link, because the link is what the repository
 * contains. The same holds for a folder link on the way to the file. Only where the path as given leads outside the
 * working directory, and the folder that really contains the file is inside it, is the file named by that real
 * folder and its own name.
 *
 * @param asGiven the locator for text and JSON, whose URIs are the paths as the user gave them
 * @param sarif the locator for SARIF, with relative URI references or absolute {@code file://} URIs
 * @param junit the locator for JUnit XML, with relative paths in forward slashes or the paths as given
 * @param sourceRoot the working directory's {@code file://} URI, ending with {@code /}, or {@code null} for a
 *        report without file locations
 * @param hostName the host name for SARIF and JUnit XML, such as the audited file's JUnit XML path, or {@code null}
 *        to keep the report's own
 */
record ReportLocations(FindingLocator asGiven, FindingLocator sarif, FindingLocator junit, @Nullable URI sourceRoot,
        @Nullable String hostName) {

    /** The locations of an engine audit, whose findings point at targets rather than files. */
    static final ReportLocations NONE =
            new ReportLocations(FindingLocator.NONE, FindingLocator.NONE, FindingLocator.NONE, null, null);

    /**
     * Derives the SARIF and JUnit XML locations from {@code locator}, whose URIs are file paths as the user gave
     * them, and which are resolved against {@code workingDirectory} where they are relative. The audited
     * {@code file}, which a file audit's report names as its host, gets the same portable name there.
     */
    static ReportLocations of(FindingLocator locator, Path file, Path workingDirectory) {
        Path base = workingDirectory.toAbsolutePath().normalize();
        FindingLocator sarif = finding -> locator.locate(finding)
                .map(location -> relocate(location, sarifUri(Path.of(location.uri()), base)));
        FindingLocator junit = finding -> locator.locate(finding)
                .map(location -> relocate(location, junitPath(Path.of(location.uri()), base)));
        return new ReportLocations(locator, sarif, junit, folderUri(base), junitPath(file, base));
    }

    /** Returns {@code report} with its host renamed to {@link #hostName}, or {@code report} where that is null. */
    HostFindingsEvaluated withPortableHostName(HostFindingsEvaluated report) {
        if (hostName == null) {
            return report;
        }
        HostDescriptor host = report.host();
        return new HostFindingsEvaluated(report.schemaVersion(), report.eventId(), report.occurredAt(),
                new HostDescriptor(host.id(), hostName, host.labels(), host.agentVersion()), report.snapshotSequence(),
                report.snapshotEventId(), report.snapshotCollectedAt(), report.engineVersion(), report.benchmarkId(),
                report.benchmarkVersion(), report.findings());
    }

    /**
     * Returns the SARIF URI of {@code file}: its path relative to {@code base} as a percent-encoded URI reference,
     * or its absolute {@code file://} URI where it lies outside {@code base}.
     */
    static String sarifUri(Path file, Path base) {
        return relativePath(file, base).map(ReportLocations::encodePath)
                .orElseGet(() -> namedPath(file, base).toUri().toASCIIString());
    }

    /** Returns the JUnit XML path of {@code file}: relative to {@code base} in forward slashes, else as given. */
    static String junitPath(Path file, Path base) {
        return relativePath(file, base).orElse(file.toString());
    }

    /**
     * Returns the path of {@code file} relative to {@code base}, with {@code /} between its names, or empty where the
     * file lies outside {@code base}.
     */
    static Optional<String> relativePath(Path file, Path base) {
        Path root = base.toAbsolutePath().normalize();
        Path named = namedPath(file, root);
        if (named.getParent() == null || named.equals(root)) {
            return Optional.empty();
        }
        if (named.startsWith(root)) {
            return Optional.of(joinNames(root.relativize(named)));
        }
        // The working directory the JVM reports has its links resolved, so a path given through a link to it,
        // such as /repository-link/compose.yaml, only matches by the real folder of the file.
        try {
            Path realBase = root.toRealPath();
            Path realFolder = named.getParent().toRealPath();
            if (realFolder.startsWith(realBase)) {
                return Optional.of(joinNames(realBase.relativize(realFolder.resolve(named.getFileName()))));
            }
        } catch (IOException e) {
            // A folder that cannot be resolved leaves the file outside the working directory.
        }
        return Optional.empty();
    }

    /**
     * Returns {@code file} as an absolute path without {@code .} and {@code ..} names. Removing {@code ..} by the
     * names alone is wrong after a symbolic link to a folder, so where that names another file, the file's real
     * folder is used instead.
     */
    private static Path namedPath(Path file, Path base) {
        Path absolute = base.toAbsolutePath().resolve(file);
        Path normalized = absolute.normalize();
        if (normalized.equals(absolute) || normalized.getParent() == null) {
            return normalized;
        }
        try {
            if (Files.isSameFile(absolute, normalized)) {
                return normalized;
            }
            return absolute.getParent().toRealPath().resolve(absolute.getFileName());
        } catch (IOException e) {
            return normalized;
        }
    }

    private static String joinNames(Path relative) {
        StringBuilder joined = new StringBuilder();
        for (Path name : relative) {
            if (!joined.isEmpty()) {
                joined.append('/');
            }
            joined.append(name);
        }
        return joined.toString();
    }

    /**
     * Percent-encodes {@code path} for a URI reference (RFC 3986). Every byte of its UTF-8 form is encoded except
     * the unreserved characters, the sub-delimiters, {@code @} and the {@code /} between names. A colon is encoded
     * too, because a colon in the first name would make the reference read as a URI scheme.
     */
    static String encodePath(String path) {
        StringBuilder encoded = new StringBuilder();
        for (byte value : path.getBytes(StandardCharsets.UTF_8)) {
            char character = (char) (value & 0xff);
            if (isKeptInPath(character)) {
                encoded.append(character);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((value >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(value & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    private static boolean isKeptInPath(char character) {
        return character >= 'a' && character <= 'z' || character >= 'A' && character <= 'Z'
                || character >= '0' && character <= '9' || "-._~!$&'()*+,;=@/".indexOf(character) >= 0;
    }

    /** Returns the {@code file://} URI of {@code folder}, ending with {@code /} as SARIF requires of a base. */
    static URI folderUri(Path folder) {
        String uri = folder.toUri().toASCIIString();
        return URI.create(uri.endsWith("/") ? uri : uri + "/");
    }

    private static FindingLocation relocate(FindingLocation location, String uri) {
        return new FindingLocation(uri, location.line(), location.column());
    }
}
