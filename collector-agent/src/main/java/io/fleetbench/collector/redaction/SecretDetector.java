package io.fleetbench.collector.redaction;

import io.fleetbench.model.snapshot.EnvVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a name or a value looks like a secret, and turns environment entries and labels into forms that
 * carry no secret value. Detection by name looks at the word parts of the name, case-insensitively, so that
 * {@code DB_PASSWORD}, {@code dbPassword} and {@code com.example.deploy-token} match but {@code AUTHOR} does not.
 * Detection by value looks for well-known credential formats and for long random-looking strings.
 */
public final class SecretDetector {

    /** The value that replaces a secret-looking label value. */
    public static final String REDACTED = "[redacted]";

    /** Single word parts that mark a name as secret. */
    private static final Set<String> SECRET_WORDS = Set.of(
            "PASSWORD", "PASSWORDS", "PASSWD", "PASS", "PASSPHRASE", "HTPASSWD",
            "SECRET", "SECRETS", "TOKEN", "TOKENS", "APIKEY", "PRIVATEKEY", "ACCESSKEY", "SECRETKEY",
            "CREDENTIAL", "CREDENTIALS", "CREDS", "AUTH", "OAUTH", "BEARER");

    /** Pairs of adjacent word parts that mark a name as secret, such as {@code API_KEY}. */
    private static final List<List<String>> SECRET_WORD_PAIRS = List.of(
            List.of("API", "KEY"), List.of("PRIVATE", "KEY"), List.of("ACCESS", "KEY"), List.of("SIGNING", "KEY"),
            List.of("ENCRYPTION", "KEY"), List.of("MASTER", "KEY"), List.of("SESSION", "KEY"));

    /** Words distinctive enough to match inside a longer word, as in {@code MYSQLPASSWORD}. */
    private static final List<String> SECRET_SUBSTRINGS = List.of("PASSWORD", "PASSWD");

    /** Splits a name at separators and at lower-to-upper case changes. */
    private static final Pattern WORD_BOUNDARY =
            Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");

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

    private static final String FILE_SUFFIX = "_FILE";

    /**
     * Last word parts that make a name point at where a secret is used or kept, such as {@code TOKEN_URL} or
     * {@code AUTH_HOST}, rather than hold one. Such a value is still checked for a credential's shape.
     */
    private static final Set<String> LOCATOR_WORDS = Set.of("URL", "URI", "ENDPOINT", "HOST", "HOSTNAME", "PORT",
            "PATH", "DIR", "ADDR", "ADDRESS");

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
        String reason = isFileReference(name) || namesLocation(name) ? null : nameReason(name);
        if (reason == null && value != null) {
            reason = valueReason(value);
        }
        return reason;
    }

    private static boolean namesLocation(String name) {
        List<String> parts = wordParts(name);
        return !parts.isEmpty() && LOCATOR_WORDS.contains(parts.get(parts.size() - 1));
    }

    /** Returns {@code true} where the name follows the {@code _FILE} convention for a path to a secret file. */
    public static boolean isFileReference(String name) {
        return name.length() > FILE_SUFFIX.length() && name.toUpperCase(Locale.ROOT).endsWith(FILE_SUFFIX);
    }

    /**
     * Returns {@code name contains <WORD>} where a word part of the name, or a distinctive word inside a longer
     * part, marks a secret, else {@code null}.
     */
    public static @Nullable String nameReason(String name) {
        List<String> parts = wordParts(name);
        for (String part : parts) {
            if (SECRET_WORDS.contains(part)) {
                return "name contains " + part;
            }
        }
        for (int i = 0; i + 1 < parts.size(); i++) {
            List<String> pair = List.of(parts.get(i), parts.get(i + 1));
            if (SECRET_WORD_PAIRS.contains(pair)) {
                return "name contains " + pair.get(0) + "_" + pair.get(1);
            }
        }
        String upper = name.toUpperCase(Locale.ROOT);
        for (String word : SECRET_SUBSTRINGS) {
            if (upper.contains(word)) {
                return "name contains " + word;
            }
        }
        return null;
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
        return Arrays.stream(WORD_BOUNDARY.split(name))
                .filter(part -> !part.isEmpty())
                .map(part -> part.toUpperCase(Locale.ROOT))
                .toList();
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
