package io.fleetbench.rules.core.catalogue;

import io.fleetbench.rules.core.check.Check;
import io.fleetbench.rules.core.check.RuleText;
import java.util.Objects;

/**
 * One rule of a rule file: its stable key, its words and the check that evaluates it.
 *
 * @param source the rule file, for error messages
 * @param check a compiled CEL condition, a manual rule or the Java check of the same key
 */
public record RuleDefinition(String source, Check check, RuleText text) {

    public RuleDefinition {
        Objects.requireNonNull(source, "rule source is missing");
        Objects.requireNonNull(check, "rule check is missing");
        Objects.requireNonNull(text, "rule text is missing");
    }

    public String key() {
        return check.key();
    }
}
