package io.fleetbench.collector.redaction;

import io.fleetbench.model.secret.SecretNames;
import io.fleetbench.model.snapshot.EnvVariable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a name or a value looks like a secret, and turns environment entries and labels into forms that
 * carry no secret value. Detection by name follows {@link SecretNames}, which the rule engine shares. Detection by
 * value looks for well-known credential formats and for long random-looking strings.
 */
public final class SecretDetector {

    /** The value that replaces a secret-looking label value. */
    public static final String REDACTED = SecretNames.REDACTED;

    private static final List<ValueShape> VALUE_SHAPES = List.of(
            new ValueShape("a PEM private key", Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----")),
            new ValueShape("an AWS access key id", Pattern.compile("\\b(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\\b")),
            new ValueShape("a GitHub token",
                    Pattern.compile("\\b(gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\\b")),
            new ValueShape("a GitLab token",
                    Pattern.compile("\\bgl(pat|ptt|dt|rt|cbt|soat|ft|imt|oas)-[A-Za-z0-9_-]{20,}")),
            new ValueShape("a Slack token",
                    Pattern.compile("\\b(xox[abposr]-[A-Za-z0-9-]{10,}|xapp-[0-9]-[A-Za-z0-9-]{10,})")),
            new ValueShape("a Slack webhook URL", Pattern.compile("hooks\\.slack\\.com/services/[A-Za-z0-9/]{10,}")),
            new ValueShape("a JSON Web Token",
                    Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*")),
            new ValueShape("a URL with a password", Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^\\s:/@]*:[^\\s/@]+@")));

    /** Characters of base64, base64url and similar token alphabets. */
    private static final Pattern TOKEN_ALPHABET = Pattern.compile("[A-Za-z0-9+/=_-]+");

    private static final Pattern DIGIT_RUN = Pattern.compile("[0-9]+");

    /** The shortest value that the high-entropy test considers. */
    static final int MIN_RANDOM_LENGTH = 24;

    /**
     * The Shannon entropy, in bits per character, from which a token-alphabet value counts as random. Random base62
     * strings of 24 characters have a median of about 4.25, and long camel-case identifiers also reach 4.2, so
     * {@link #MIN_CLASS_CHANGE_RATIO} separates those.
     */
    static final double MIN_RANDOM_ENTROPY = 4.0;

    /**
     * The share of adjacent character pairs that change between upper case, lower case and digit, from which a
     * value counts as random. Random base62 text has a median of about 0.6; the camel-case identifiers in the tests
     * measure 0.29 to 0.42.
     *
     * <p>NOTE: these thresholds are estimates from samples. On 10,000 random base62 strings each, the test flags
     * about 86% at 24 characters, 97% at 32 and 99% at 40. A missed token only loses its secret-like flag, because
     * every environment value is dropped anyway.
     */
    static final double MIN_CLASS_CHANGE_RATIO = 0.35;

    private SecretDetector() {
    }

    /**
     * Returns why a name with this value looks like a secret, or {@code null} where it does not. A name that follows
     * the {@code _FILE} convention is never a secret by name, because its value is a path to a secret file.
     *
     * @param name an environment variable name, build argument name or label key
     * @param value the value, or {@code null} where there is none
     */
    public static @Nullable String secretReason(String name, @Nullable String value) {
        String reason = SecretNames.reason(name);
        if (reason == null && value != null) {
            reason = valueReason(value);
        }
        return reason;
    }

    /** Returns {@code true} where the name follows the {@code _FILE} convention for a path to a secret file. */
    public static boolean isFileReference(String name) {
        return SecretNames.isFileReference(name);
    }

    /**
     * Returns {@code name contains <WORD>} where a word part of the name, or a distinctive word inside a longer
     * part, marks a secret, else {@code null}.
     */
    public static @Nullable String nameReason(String name) {
        return SecretNames.nameReason(name);
    }

    /** Returns {@code value looks like <format>} where the value has a credential's shape, else {@code null}. */
    public static @Nullable String valueReason(String value) {
        for (ValueShape shape : VALUE_SHAPES) {
            if (shape.pattern().matcher(value).find()) {
                return "value looks like " + shape.description();
            }
        }
        if (looksRandom(value.strip())) {
            return "value looks like a random token";
        }
        return null;
    }

    /**
     * Turns one {@code NAME=value} entry, as the Engine API lists a container's or image's environment, into an
     * {@link EnvVariable}. The value is examined and then dropped; an entry without {@code =} has no value.
     */
    public static EnvVariable toEnvVariable(String entry) {
        int equals = entry.indexOf('=');
        String name = equals < 0 ? entry : entry.substring(0, equals);
        String value = equals < 0 ? null : entry.substring(equals + 1);
        // An empty value cannot contain a secret, whatever the name suggests.
        String reason = value != null && value.isBlank() ? null : secretReason(name, value);
        return new EnvVariable(name, reason != null, reason, isFileReference(name));
    }

    /** Turns every {@code NAME=value} entry into an {@link EnvVariable}, keeping the order. */
    public static List<EnvVariable> toEnvVariables(String @Nullable [] entries) {
        if (entries == null) {
            return List.of();
        }
        List<EnvVariable> variables = new ArrayList<>(entries.length);
        for (String entry : entries) {
            if (entry != null && !entry.isEmpty()) {
                variables.add(toEnvVariable(entry));
            }
        }
        return variables;
    }

    /** Returns a copy of the labels in which every secret-looking value is replaced by {@link #REDACTED}. */
    public static Map<String, String> redactLabels(@Nullable Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return Map.of();
        }
        Map<String, String> redacted = new HashMap<>(labels.size());
        labels.forEach((key, value) -> {
            String safeValue = value == null ? "" : value;
            redacted.put(key, secretReason(key, safeValue) == null ? safeValue : REDACTED);
        });
        return redacted;
    }

    static List<String> wordParts(String name) {
        return SecretNames.wordParts(name);
    }

    /**
     * Returns {@code true} for a long token-alphabet string that mixes upper and lower case, has digits in at least
     * two places, has high character entropy and changes character class often. Paths, hex digests and UUIDs do not
     * qualify, because they are not mixed case or contain other characters. Camel-case names with a version number
     * do not qualify either, because their digits sit in one place and they change class too rarely.
     */
    static boolean looksRandom(String value) {
        if (value.length() < MIN_RANDOM_LENGTH || value.startsWith("/") || !TOKEN_ALPHABET.matcher(value).matches()) {
            return false;
        }
        boolean upper = value.chars().anyMatch(Character::isUpperCase);
        boolean lower = value.chars().anyMatch(Character::isLowerCase);
        return upper && lower
                && DIGIT_RUN.matcher(value).results().count() >= 2
                && shannonEntropy(value) >= MIN_RANDOM_ENTROPY
                && classChangeRatio(value) >= MIN_CLASS_CHANGE_RATIO;
    }

    /** Returns the share of adjacent character pairs whose classes (upper, lower, digit, other) differ. */
    static double classChangeRatio(String value) {
        int changes = 0;
        for (int i = 1; i < value.length(); i++) {
            if (characterClass(value.charAt(i)) != characterClass(value.charAt(i - 1))) {
                changes++;
            }
        }
        return (double) changes / (value.length() - 1);
    }

    private static int characterClass(char character) {
        if (Character.isUpperCase(character)) {
            return 0;
        }
        if (Character.isLowerCase(character)) {
            return 1;
        }
        return Character.isDigit(character) ? 2 : 3;
    }

    /** Returns the Shannon entropy of the value's characters, in bits per character. */
    static double shannonEntropy(String value) {
        Map<Integer, Integer> counts = new HashMap<>();
        value.codePoints().forEach(codePoint -> counts.merge(codePoint, 1, Integer::sum));
        double length = value.codePointCount(0, value.length());
        double entropy = 0;
        for (int count : counts.values()) {
            double probability = count / length;
            entropy -= probability * (Math.log(probability) / Math.log(2));
        }
        return entropy;
    }

    private record ValueShape(String description, Pattern pattern) {
    }
}
