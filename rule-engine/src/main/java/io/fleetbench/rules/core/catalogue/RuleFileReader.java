package io.fleetbench.rules.core.catalogue;

import static io.fleetbench.rules.core.catalogue.CatalogueLoader.parse;
import static io.fleetbench.rules.core.catalogue.CatalogueLoader.readTargetKind;
import static io.fleetbench.rules.core.catalogue.CatalogueLoader.rejectUnknownFields;
import static io.fleetbench.rules.core.catalogue.CatalogueLoader.requireString;

import io.fleetbench.model.finding.TargetKind;
import io.fleetbench.rules.core.check.Check;
import io.fleetbench.rules.core.check.CheckRegistry;
import io.fleetbench.rules.core.check.RuleText;
import io.fleetbench.rules.core.condition.CheckedConditions;
import io.fleetbench.rules.core.condition.ConditionCheck;
import io.fleetbench.rules.core.condition.ConditionLanguage;
import io.fleetbench.rules.core.condition.InvalidConditionException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads rule files: the rules that catalogues map recommendation ids to. Each rule has a stable key, its words, and
 * either a CEL condition, a reference to the Java check of the same key ({@code java: true}) or only a description
 * of what to check by hand. Conditions are compiled here, once, so a broken one stops loading.
 */
final class RuleFileReader {

    /** The fact group a rule may require; without it the rule reports INFO instead of a verdict. */
    static final String HOST_FACTS = "host-facts";

    static final Set<String> RULE_FIELDS = Set.of(
            "key", "target", "title", "rationale", "remediation", "condition", "java", "manual", "requires",
            "params");

    private RuleFileReader() {
    }

    /**
     * Reads the rules of one file.
     *
     * @param javaChecks the Java checks a rule may name with {@code java: true}
     * @throws InvalidCatalogueException if the file is malformed, a rule is incomplete or a condition is invalid
     */
    static List<RuleDefinition> read(String source, Reader reader, CheckRegistry javaChecks) {
        return read(source, reader, javaChecks, CheckedConditions.none());
    }

    /**
     * Reads the rules of one file, taking each condition's checked form from {@code stored} where it contains one.
     *
     * @throws InvalidCatalogueException if the file is malformed, a rule is incomplete or a condition is invalid
     */
    static List<RuleDefinition> read(String source, Reader reader, CheckRegistry javaChecks,
            CheckedConditions stored) {
        Object document = parse(source, reader);
        if (!(document instanceof Map<?, ?> root) || !(root.get("rules") instanceof List<?> entries)) {
            throw new InvalidCatalogueException("Rule file " + source
                    + " is invalid: its top level must be a mapping with a list named 'rules'");
        }
        rejectUnknownFields(source, "the top level", root, Set.of("rules"));
        List<RuleDefinition> rules = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof Map<?, ?> fields)) {
                throw new InvalidCatalogueException("Rule file " + source + ": rule at position " + (i + 1)
                        + " is not a mapping");
            }
            rejectUnknownFields(source, "rule at position " + (i + 1), fields, RULE_FIELDS);
            rules.add(readRule(source, fields, javaChecks, "", stored));
        }
        return rules;
    }

    /**
     * Reads one rule's fields.
     *
     * @param context added to the location in error messages, such as {@code  (organisation rule ORG.1)}
     */
    static RuleDefinition readRule(String source, Map<?, ?> fields, CheckRegistry javaChecks, String context) {
        return readRule(source, fields, javaChecks, context, CheckedConditions.none());
    }

    private static RuleDefinition readRule(String source, Map<?, ?> fields, CheckRegistry javaChecks, String context,
            CheckedConditions stored) {
        String key = requireString(source, "a rule" + context, fields, "key");
        if (!CheckRegistry.KEY_PATTERN.matcher(key).matches()) {
            throw new InvalidCatalogueException("Rule file " + source + ": rule '" + key + "'" + context
                    + " has an invalid key. Use lower-case letters and digits joined by single hyphens");
        }
        String where = "rule " + key + context;

        TargetKind targetKind = readTargetKind(source, where, requireString(source, where, fields, "target"));
        RuleText text = new RuleText(
                requireString(source, where, fields, "title").strip(),
                requireString(source, where, fields, "rationale").strip(),
                requireString(source, where, fields, "remediation").strip());

        boolean javaCheck = Boolean.TRUE.equals(fields.get("java"));
        Object condition = fields.get("condition");
        if (javaCheck) {
            if (condition != null) {
                throw new InvalidCatalogueException("Rule file " + source + ": " + where
                        + " has both 'java: true' and a condition. Keep one of them");
            }
            Check check = javaChecks.find(key).orElseThrow(() -> new InvalidCatalogueException("Rule file " + source
                    + ": " + where + " names Java check '" + key + "', which does not exist. Use one of: "
                    + String.join(", ", javaChecks.keys())));
            if (check.targetKind() != targetKind) {
                throw new InvalidCatalogueException("Rule file " + source + ": " + where + " has target '"
                        + targetKind.name().toLowerCase(Locale.ROOT) + "', but Java check '" + key
                        + "' reports on '" + check.targetKind().name().toLowerCase(Locale.ROOT) + "'");
            }
            return new RuleDefinition(source, check, text);
        }

        String manual = requireString(source, where, fields, "manual").strip();
        boolean requiresHostFacts = readRequires(source, where, fields.get("requires"));
        Map<String, Object> params = readParams(source, where, fields.get("params"));

        ConditionLanguage.CompiledCondition compiled = null;
        if (condition != null) {
            if (!(condition instanceof String expression) || expression.isBlank()) {
                throw new InvalidCatalogueException("Rule file " + source + ": " + where + " has condition '"
                        + condition + "', which is not a CEL expression in a string");
            }
            try {
                compiled = ConditionLanguage.compile(expression, "Rule file " + source + ": " + where, stored);
            } catch (InvalidConditionException e) {
                throw new InvalidCatalogueException(e.getMessage(), e);
            }
        }
        return new RuleDefinition(source,
                new ConditionCheck(key, targetKind, compiled, manual, requiresHostFacts, params), text);
    }

    private static boolean readRequires(String source, String where, @Nullable Object value) {
        if (value == null) {
            return false;
        }
        if (HOST_FACTS.equals(value)) {
            return true;
        }
        throw new InvalidCatalogueException("Rule file " + source + ": " + where + " requires '" + value
                + "'. The only fact group a rule can require is '" + HOST_FACTS + "'");
    }

    static Map<String, Object> readParams(String source, String where, @Nullable Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidCatalogueException("Benchmark catalogue " + source + ": " + where + " has params '"
                    + value + "', which is not a mapping of names to values");
        }
        Map<String, Object> params = new HashMap<>();
        map.forEach((name, param) -> params.put(String.valueOf(name), param));
        return params;
    }
}
