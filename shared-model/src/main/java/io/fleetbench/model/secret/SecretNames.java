package io.fleetbench.model.secret;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether an environment variable name, build-argument name or label key looks like the name of a secret. The
 * decision looks at the word parts of the name, case-insensitively, so that {@code DB_PASSWORD}, {@code dbPassword}
 * and {@code com.example.deploy-token} match but {@code AUTHOR} does not. The agent uses these rules to redact
 * values, and the rule engine uses them to report names in an image's build history.
 */
public final class SecretNames {

    /** The text that replaces a removed secret value in labels, daemon settings and image history. */
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

    private static final String FILE_SUFFIX = "_FILE";

    /**
     * Last word parts that make a name point at where a secret is used or kept, such as {@code TOKEN_URL} or
     * {@code AUTH_HOST}, rather than hold one. Such a value is still checked for a credential's shape.
     */
    private static final Set<String> LOCATOR_WORDS = Set.of("URL", "URI", "ENDPOINT", "HOST", "HOSTNAME", "PORT",
            "PATH", "DIR", "ADDR", "ADDRESS");

    private SecretNames() {
    }

    /**
     * Returns why this name looks like the name of a secret, such as {@code name contains PASSWORD}, or {@code null}
     * where it does not. A name that follows the {@code _FILE} convention, or whose last word part names a location
     * such as {@code URL} or {@code HOST}, never counts, because its value points at a secret rather than holding it.
     */
    public static @Nullable String reason(String name) {
        return isFileReference(name) || namesLocation(name) ? null : nameReason(name);
    }

    /** Returns {@code true} where the name follows the {@code _FILE} convention for a path to a secret file. */
    public static boolean isFileReference(String name) {
        return name.length() > FILE_SUFFIX.length() && name.toUpperCase(Locale.ROOT).endsWith(FILE_SUFFIX);
    }

    /** Returns {@code true} where the last word part of the name names a location, such as {@code TOKEN_URL}. */
    public static boolean namesLocation(String name) {
        List<String> parts = wordParts(name);
        return !parts.isEmpty() && LOCATOR_WORDS.contains(parts.get(parts.size() - 1));
    }

    /**
     * Returns {@code name contains <WORD>} where a word part of the name, or a distinctive word inside a longer
     * part, marks a secret, else {@code null}. Unlike {@link #reason(String)}, this ignores the {@code _FILE} and
     * location exceptions.
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

    /** Returns the upper-case word parts of a name, split at separators and at lower-to-upper case changes. */
    public static List<String> wordParts(String name) {
        return Arrays.stream(WORD_BOUNDARY.split(name))
                .filter(part -> !part.isEmpty())
                .map(part -> part.toUpperCase(Locale.ROOT))
                .toList();
    }
}
