package io.fleetbench.rules.core.catalogue;

import static io.fleetbench.rules.core.catalogue.CatalogueLoader.parse;
import static io.fleetbench.rules.core.catalogue.CatalogueLoader.readId;
import static io.fleetbench.rules.core.catalogue.CatalogueLoader.rejectUnknownFields;

import io.fleetbench.rules.core.check.Check;
import io.fleetbench.rules.core.check.CheckRegistry;
import io.fleetbench.rules.core.check.RuleText;
import io.fleetbench.rules.core.condition.ConditionCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads an organisation's own rules from a folder of YAML files and adds them to a benchmark catalogue. They use the
 * rule-file format plus an {@code id} of their own (such as {@code ORG.1}), under which they are reported, and an
 * optional {@code section}, {@code profile} and {@code scored}.
 */
public final class OrganisationRules {

    /** The section of an organisation rule that names none. */
    public static final String DEFAULT_SECTION = "Organisation rules";

    private static final Set<String> FIELDS;

    static {
        Set<String> fields = new HashSet<>(RuleFileReader.RULE_FIELDS);
        fields.addAll(List.of("id", "section", "profile", "scored"));
        FIELDS = Set.copyOf(fields);
    }

    private OrganisationRules() {
    }

    /**
     * The catalogue with the organisation rules appended, and a registry that contains their checks too.
     */
    public record Extended(BenchmarkCatalogue catalogue, CheckRegistry registry) {
    }

    /**
     * Reads every {@code *.yaml} and {@code *.yml} file of {@code folder}, in name order, and appends its rules to
     * {@code catalogue}.
     *
     * @throws InvalidCatalogueException if the folder is missing, a file is invalid, or a rule reuses an id of the
     *     catalogue or a key of {@code registry}
     */
    public static Extended load(Path folder, BenchmarkCatalogue catalogue, CheckRegistry registry) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidCatalogueException("Organisation rules folder " + folder
                    + " does not exist or is not a folder. Create it or unset fleetbench.rules.extra-rules-dir");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(path -> path.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to list organisation rules folder " + folder, e);
        }
        List<Recommendation> recommendations = new ArrayList<>(catalogue.recommendations());
        Map<String, Check> checks = new LinkedHashMap<>();
        Map<String, RuleText> texts = new HashMap<>();
        for (Check check : registry.checks()) {
            checks.put(check.key(), check);
            registry.text(check.key()).ifPresent(text -> texts.put(check.key(), text));
        }
        Set<String> ids = new HashSet<>();
        catalogue.recommendations().forEach(recommendation -> ids.add(recommendation.id()));
        for (Path file : files) {
            readFile(file, recommendations, checks, texts, ids, registry);
        }
        BenchmarkCatalogue extended = new BenchmarkCatalogue(catalogue.source(), catalogue.benchmarkId(),
                catalogue.version(), catalogue.title(), recommendations);
        return new Extended(extended, new CheckRegistry(List.copyOf(checks.values()), texts));
    }

    private static void readFile(Path file, List<Recommendation> recommendations, Map<String, Check> checks,
            Map<String, RuleText> texts, Set<String> ids, CheckRegistry javaChecks) {
        String source = file.toString();
        Object document;
        try {
            document = parse(source, Files.newBufferedReader(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read organisation rules file " + file, e);
        }
        if (!(document instanceof Map<?, ?> root) || !(root.get("rules") instanceof List<?> entries)) {
            throw new InvalidCatalogueException("Organisation rules file " + source
                    + " is invalid: its top level must be a mapping with a list named 'rules'");
        }
        rejectUnknownFields(source, "the top level", root, Set.of("rules"));
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof Map<?, ?> fields)) {
                throw new InvalidCatalogueException("Organisation rules file " + source + ": rule at position "
                        + (i + 1) + " is not a mapping");
            }
            Object rawId = fields.get("id");
            if (rawId == null) {
                throw new InvalidCatalogueException("Organisation rules file " + source + ": rule at position "
                        + (i + 1) + " is missing field 'id'. Give it an id of its own, such as \"ORG.1\"");
            }
            String id = readId(source, "rule at position " + (i + 1), rawId);
            rejectUnknownFields(source, "rule " + id, fields, FIELDS);
            if (!ids.add(id)) {
                throw new InvalidCatalogueException("Organisation rules file " + source + ": rule " + id
                        + " uses an id that the catalogue or another organisation rule already has. Give it its own"
                        + " id, such as \"ORG." + (i + 1) + "\"");
            }
            RuleDefinition rule = RuleFileReader.readRule(source, fields, javaChecks, " (organisation rule " + id
                    + ")");
            if (checks.containsKey(rule.key())) {
                throw new InvalidCatalogueException("Organisation rules file " + source + ": rule " + id
                        + " uses key '" + rule.key() + "', which another rule already has. Give it its own key");
            }
            checks.put(rule.key(), rule.check());
            texts.put(rule.key(), rule.text());
            recommendations.add(toRecommendation(source, id, fields, rule));
        }
    }

    private static Recommendation toRecommendation(String source, String id, Map<?, ?> fields, RuleDefinition rule) {
        Object section = fields.get("section");
        Object profile = fields.get("profile");
        Object scored = fields.get("scored");
        if (profile != null && !(profile instanceof Integer level && (level == 1 || level == 2))) {
            throw new InvalidCatalogueException("Organisation rules file " + source + ": rule " + id + " has profile '"
                    + profile + "'. Use the profile level 1 or 2");
        }
        if (scored != null && !(scored instanceof Boolean)) {
            throw new InvalidCatalogueException("Organisation rules file " + source + ": rule " + id + " has scored '"
                    + scored + "'. Use true or false");
        }
        boolean automated = rule.check() instanceof ConditionCheck condition ? condition.condition() != null : true;
        return new Recommendation(
                id,
                rule.key(),
                section instanceof String text && !text.isBlank() ? text : DEFAULT_SECTION,
                rule.text().title(),
                profile == null ? 1 : (Integer) profile,
                scored == null || (Boolean) scored,
                automated ? Automation.AUTOMATED : Automation.MANUAL,
                rule.check().targetKind(),
                rule.text().remediation(),
                rule.text().rationale(),
                Map.of());
    }
}
