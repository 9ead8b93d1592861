package io.fleetbench.report.export;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;

/** Formats of the export endpoints, with the media type and file extension of each. */
enum ExportFormat {
    TEXT(new MediaType("text", "plain", StandardCharsets.UTF_8), ".txt"),
    CSV(new MediaType("text", "csv", StandardCharsets.UTF_8), ".csv"),
    JSON(MediaType.APPLICATION_JSON, ".json"),
    SARIF(new MediaType("application", "sarif+json"), ".sarif"),
    JUNIT(new MediaType("application", "xml", StandardCharsets.UTF_8), ".xml");

    private final MediaType mediaType;
    private final String extension;

    ExportFormat(MediaType mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    MediaType mediaType() {
        return mediaType;
    }

    String extension() {
        return extension;
    }

    String parameterValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the {@code format} parameter's accepted values, comma-separated, for error messages. */
    static String parameterValues() {
        return Arrays.stream(values())
                .map(ExportFormat::parameterValue)
                .collect(Collectors.joining(", "));
    }
}
