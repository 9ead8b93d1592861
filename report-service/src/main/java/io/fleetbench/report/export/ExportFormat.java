package io.fleetbench.report.export;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;

/** Formats of the export endpoints, with the media type and file extension of each. */
enum ExportFormat {
    TEXT(new MediaType("text", "plain", StandardCharsets.UTF_8), ".txt", true),
    CSV(new MediaType("text", "csv", StandardCharsets.UTF_8), ".csv", true),
    JSON(MediaType.APPLICATION_JSON, ".json", true),
    SARIF(new MediaType("application", "sarif+json"), ".sarif", false),
    JUNIT(new MediaType("application", "xml", StandardCharsets.UTF_8), ".xml", false);

    private final MediaType mediaType;
    private final String extension;
    private final boolean fleetExport;

    ExportFormat(MediaType mediaType, String extension, boolean fleetExport) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.fleetExport = fleetExport;
    }

    MediaType mediaType() {
        return mediaType;
    }

    String extension() {
        return extension;
    }

    /**
     * Returns whether the fleet export writes this format. SARIF and JUnit XML are one document per host.
     *
     * <p>TODO: a fleet SARIF log could hold one run per host, and a fleet JUnit file one suite per host and section.
     */
    boolean fleetExport() {
        return fleetExport;
    }

    String parameterValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static String values(boolean fleet) {
        return Arrays.stream(values())
                .filter(format -> !fleet || format.fleetExport())
                .map(ExportFormat::parameterValue)
                .collect(Collectors.joining(", "));
    }
}
