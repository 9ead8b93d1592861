package io.fleetbench.rules.core.check;

import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads booleans the way the Docker engine does. The engine parses option values with Go's
 * {@code strconv.ParseBool}, which accepts {@code 1, t, T, TRUE, true, True} and {@code 0, f, F, FALSE, false,
 * False}; daemon.json carries JSON booleans.
 */
public final class BooleanValues {

    private static final Set<String> TRUE_SPELLINGS = Set.of("1", "t", "T", "TRUE", "true", "True");
    private static final Set<String> FALSE_SPELLINGS = Set.of("0", "f", "F", "FALSE", "false", "False");

    private BooleanValues() {
    }

    /** Parses a JSON boolean or one of the engine's boolean spellings; returns empty for anything else. */
    public static Optional<Boolean> parse(@Nullable Object value) {
        if (value instanceof Boolean bool) {
            return Optional.of(bool);
        }
        if (value instanceof String text) {
            if (TRUE_SPELLINGS.contains(text)) {
                return Optional.of(Boolean.TRUE);
            }
            if (FALSE_SPELLINGS.contains(text)) {
                return Optional.of(Boolean.FALSE);
            }
        }
        return Optional.empty();
    }
}
