package io.fleetbench.rules.core.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Maps check keys to checks. Each key names exactly one check. */
public final class CheckRegistry {

    /** Check keys are lower-case words joined by hyphens, so that they read the same in YAML, logs and URLs. */
    public static final Pattern KEY_PATTERN = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Map<String, Check> checksByKey;
    private final Map<String, RuleText> textsByKey;

    /**
     * Creates a registry of {@code checks}.
     *
     * @throws IllegalArgumentException if two checks share a key or a key is not lower-case words joined by hyphens
     */
    public CheckRegistry(List<? extends Check> checks) {
        this(checks, Map.of());
    }

    /**
     * Creates a registry of {@code checks} with the rule text of some of them.
     *
     * @throws IllegalArgumentException if two checks share a key, a key is not lower-case words joined by hyphens,
     *     or a text names a key without a check
     */
    public CheckRegistry(List<? extends Check> checks, Map<String, RuleText> texts) {
        Map<String, Check> byKey = new LinkedHashMap<>();
        for (Check check : checks) {
            String key = check.key();
            if (!KEY_PATTERN.matcher(key).matches()) {
                throw new IllegalArgumentException("Check " + check.getClass().getName() + " has invalid key '" + key
                        + "': use lower-case letters and digits joined by single hyphens");
            }
            Check previous = byKey.putIfAbsent(key, check);
            if (previous != null) {
                throw new IllegalArgumentException("Checks " + previous.getClass().getName() + " and "
                        + check.getClass().getName() + " share the key '" + key + "': give each check its own key");
            }
        }
        this.checksByKey = Collections.unmodifiableMap(byKey);
        for (String key : texts.keySet()) {
            if (!byKey.containsKey(key)) {
                throw new IllegalArgumentException("Rule text names key '" + key + "', which has no check");
            }
        }
        this.textsByKey = Map.copyOf(texts);
    }

    /** Finds the rule text of the check named {@code key}, where a rule file gives one. */
    public Optional<RuleText> text(String key) {
        return Optional.ofNullable(textsByKey.get(key));
    }

    /** Finds the check named {@code key}. */
    public Optional<Check> find(String key) {
        return Optional.ofNullable(checksByKey.get(key));
    }

    /** Returns every registered key, in registration order. */
    public List<String> keys() {
        return new ArrayList<>(checksByKey.keySet());
    }

    /** Returns every registered check, in registration order. */
    public List<Check> checks() {
        return new ArrayList<>(checksByKey.values());
    }
}
