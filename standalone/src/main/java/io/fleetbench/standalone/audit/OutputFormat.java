package io.fleetbench.standalone.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;

/** The report formats of {@code fleetbench audit}. */
enum OutputFormat {
    /** docker-bench-security's text form, coloured on a terminal. */
    TEXT,
    /** The report record and a summary, as JSON. */
    JSON,
    /** A SARIF 2.1.0 log for code-scanning dashboards. */
    SARIF,
    /** JUnit XML for CI test reports. */
    JUNIT;

    /** Returns the option value that selects this format. */
    String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Converts {@code --format} values, naming the valid ones when a value is unknown. */
    static final class Converter implements CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            for (OutputFormat format : values()) {
                if (format.optionValue().equalsIgnoreCase(value.trim())) {
                    return format;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a format: use one of "
                    + Arrays.stream(values()).map(OutputFormat::optionValue).collect(Collectors.joining(", ")));
        }
    }
}
