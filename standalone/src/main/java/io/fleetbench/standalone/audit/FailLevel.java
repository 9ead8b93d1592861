package io.fleetbench.standalone.audit;

import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.finding.Finding;
import io.fleetbench.model.finding.Status;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;

/** The lowest finding status that makes {@code fleetbench audit} exit with status 1, for CI gates. */
enum FailLevel {
    /** Fail on any WARN finding. */
    WARN,
    /** Fail on any WARN or INFO finding. */
    INFO,
    /** Never fail because of findings; only usage errors and an unreachable engine give a non-zero status. */
    NONE;

    /** Returns whether {@code report} has a finding at or above this level. */
    boolean failsOn(HostFindingsEvaluated report) {
        for (Finding finding : report.findings()) {
            if (finding.status() == Status.WARN && this != NONE) {
                return true;
            }
            if (finding.status() == Status.INFO && this == INFO) {
                return true;
            }
        }
        return false;
    }

    /** Returns the option value that selects this level. */
    String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Converts {@code --fail-on} values, naming the valid ones when a value is unknown. */
    static final class Converter implements CommandLine.ITypeConverter<FailLevel> {
        @Override
        public FailLevel convert(String value) {
            for (FailLevel level : values()) {
                if (level.optionValue().equalsIgnoreCase(value.trim())) {
                    return level;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a level: use one of "
                    + Arrays.stream(values()).map(FailLevel::optionValue).collect(Collectors.joining(", ")));
        }
    }
}
