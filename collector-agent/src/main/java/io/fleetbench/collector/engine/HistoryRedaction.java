package io.fleetbench.collector.engine;

import io.fleetbench.collector.redaction.SecretDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes build-argument values and secret-looking values from an image history's {@code CreatedBy} text. Both
 * Docker builders record the build arguments a {@code RUN} step saw as a prefix {@code |N NAME=value ...} (the
 * classic builder before {@code /bin/sh -c}, BuildKit after {@code RUN}); every value in that prefix is dropped,
 * whatever its name. {@code ARG} defaults are build-argument values too. In {@code ENV} and {@code LABEL} steps and
 * anywhere else, a {@code NAME=value} word is redacted where the name or value looks like a secret, and a word with
 * a credential's shape is redacted on its own.
 *
 * <p>NOTE: the builders join the prefix with spaces and do not quote it, so a build-argument value that contains a
 * space is cut at it; the words after the space are then checked only for a secret's shape.
 */
final class HistoryRedaction {

    private static final Pattern BUILD_ARG_PREFIX = Pattern.compile("^((?:RUN )?)\\|(\\d+) ");

    private static final Pattern ARG_STEP = Pattern.compile("(?:^|#\\(nop\\)\\s+)ARG\\s");

    /** The legacy {@code ENV NAME value} form, whose value is everything after the name. */
    private static final Pattern ENV_NAME_VALUE = Pattern.compile("((?:^|#\\(nop\\)\\s+)ENV\\s+)([^\\s=]+) (.+)$");

    private HistoryRedaction() {
    }

    static String redact(String createdBy) {
        Matcher legacyEnv = ENV_NAME_VALUE.matcher(createdBy);
        if (legacyEnv.find() && SecretDetector.secretReason(legacyEnv.group(2), legacyEnv.group(3)) != null) {
            return createdBy.substring(0, legacyEnv.start(3)) + SecretDetector.REDACTED;
        }
        List<String> words = new ArrayList<>(List.of(createdBy.split(" ", -1)));
        int first = 0;
        Matcher prefix = BUILD_ARG_PREFIX.matcher(createdBy);
        if (prefix.find()) {
            int count = Integer.parseInt(prefix.group(2));
            first = prefix.group(1).isEmpty() ? 1 : 2;
            for (int i = first; i < Math.min(words.size(), first + count); i++) {
                words.set(i, redactValue(words.get(i)));
            }
            first += count;
        }
        boolean argStep = ARG_STEP.matcher(createdBy).find();
        for (int i = first; i < words.size(); i++) {
            String word = words.get(i);
            int equals = word.indexOf('=');
            if (equals > 0) {
                String name = word.substring(0, equals);
                String value = word.substring(equals + 1);
                if (argStep || SecretDetector.secretReason(name, value) != null) {
                    words.set(i, redactValue(word));
                }
            } else if (!word.isEmpty() && SecretDetector.valueReason(word) != null) {
                words.set(i, SecretDetector.REDACTED);
            }
        }
        return String.join(" ", words);
    }

    /** Replaces the value of a {@code NAME=value} word, keeping the name. */
    private static String redactValue(String word) {
        int equals = word.indexOf('=');
        return equals < 0 ? SecretDetector.REDACTED : word.substring(0, equals + 1) + SecretDetector.REDACTED;
    }
}
