package io.fleetbench.rules.core.catalogue;

import io.fleetbench.model.finding.TargetKind;
import io.fleetbench.rules.core.check.Check;
import io.fleetbench.rules.core.check.CheckRegistry;
import io.fleetbench.rules.core.check.RuleText;
import io.fleetbench.rules.core.condition.CheckedConditions;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Loads benchmark catalogues from YAML and validates them against a check registry. Any problem stops loading with
 * an {@link InvalidCatalogueException} that names the file, the recommendation and the bad value, so that a typo in
 * the data never turns into a silently skipped check.
 */
public final class CatalogueLoader {

    /** The benchmark family of the bundled catalogues. */
    public static final String BENCHMARK_ID = "cis-docker";

    /** The classpath folder of the bundled catalogues. */
    public static final String RESOURCE_FOLDER = "benchmarks/";

    /** The classpath resource that lists the bundled benchmark versions. */
    public static final String INDEX_RESOURCE = RESOURCE_FOLDER + "index.yaml";

    /** Ids are numbers such as {@code 5.10}, optionally after an upper-case prefix for checks beyond CIS ({@code FB.1}). */
    static final Pattern ID_PATTERN = Pattern.compile("([A-Z]+\\.)?[0-9]+(\\.[0-9]+)*");

    private static final Set<String> TOP_LEVEL_FIELDS = Set.of("benchmark", "version", "title", "recommendations");
    private static final List<String> REQUIRED_FIELDS = List.of(
            "id", "key", "section", "profile", "scored", "automation");
    /** Fields an entry may leave out where the rule file gives them; an entry's own value wins. */
    private static final List<String> RULE_TEXT_FIELDS = List.of("target", "title", "rationale", "remediation");
    private static final Set<String> RECOMMENDATION_FIELDS = Set.of(
            "id", "key", "section", "title", "profile", "scored", "automation", "target", "remediation", "rationale",
            "params");

    private final CheckRegistry registry;

    public CatalogueLoader(CheckRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Returns the benchmark file name of {@code version}, such as {@code cis-docker-1.6.0.yaml}. */
    public static String fileName(String version) {
        return BENCHMARK_ID + "-" + version + ".yaml";
    }

    /** Reads the versions listed in {@link #INDEX_RESOURCE}. */
    public List<String> bundledVersions() {
        Object index = parse(INDEX_RESOURCE, openResource(INDEX_RESOURCE));
        if (!(index instanceof Map<?, ?> map) || !(map.get("versions") instanceof List<?> versions)) {
            throw new InvalidCatalogueException("Catalogue index " + INDEX_RESOURCE
                    + " is invalid: it must contain a list named 'versions'");
        }
        List<String> result = new ArrayList<>();
        for (Object version : versions) {
            if (!(version instanceof String text) || text.isBlank()) {
                throw new InvalidCatalogueException("Catalogue index " + INDEX_RESOURCE + " lists version '" + version
                        + "', which is not a quoted string such as \"1.6.0\"");
            }
            result.add(text);
        }
        return List.copyOf(result);
    }

    /**
     * Reads and compiles the rule files listed under {@code rules} in {@link #INDEX_RESOURCE}, planning each condition
     * from its checked form in {@link CheckedConditions#bundled()} where the build stored it.
     *
     * @param javaChecks the Java checks that rules may name with {@code java: true}
     */
    public static List<RuleDefinition> loadBundledRules(CheckRegistry javaChecks) {
        return loadBundledRules(javaChecks, CheckedConditions.bundled());
    }

    /**
     * Reads and compiles the bundled rule files, planning each condition from its checked form in {@code stored}
     * where it contains one.
     */
    public static List<RuleDefinition> loadBundledRules(CheckRegistry javaChecks, CheckedConditions stored) {
        Object index = parse(INDEX_RESOURCE, openResource(INDEX_RESOURCE));
        if (!(index instanceof Map<?, ?> map) || !(map.get("rules") instanceof List<?> files)) {
            throw new InvalidCatalogueException("Catalogue index " + INDEX_RESOURCE
                    + " is invalid: it must contain a list named 'rules'");
        }
        List<RuleDefinition> rules = new ArrayList<>();
        for (Object file : files) {
            String resource = RESOURCE_FOLDER + file;
            rules.addAll(RuleFileReader.read(resource, openResource(resource), javaChecks, stored));
        }
        return rules;
    }

    /**
     * Loads the bundled catalogue of {@code version}.
     *
     * @throws InvalidCatalogueException if no catalogue of that version is bundled or it is invalid
     */
    public BenchmarkCatalogue loadBundled(String version) {
        List<String> versions = bundledVersions();
        if (!versions.contains(version)) {
            throw new InvalidCatalogueException("No bundled catalogue for benchmark version '" + version
                    + "'. Use one of: " + String.join(", ", versions));
        }
        String resource = RESOURCE_FOLDER + fileName(version);
        BenchmarkCatalogue catalogue = load(resource, openResource(resource));
        if (!catalogue.version().equals(version)) {
            throw new InvalidCatalogueException("Benchmark catalogue " + resource + " declares version '"
                    + catalogue.version() + "', but its file name says '" + version + "'");
        }
        return catalogue;
    }

    /**
     * Loads and validates a catalogue.
     *
     * @param source the name to use in error messages, such as the file's path
     * @param reader the YAML text; this method closes it
     * @throws InvalidCatalogueException if the YAML is malformed or any entry is invalid
     */
    public BenchmarkCatalogue load(String source, Reader reader) {
        Object document = parse(source, reader);
        if (!(document instanceof Map<?, ?> root)) {
            throw new InvalidCatalogueException("Benchmark catalogue " + source
                    + " is invalid: its top level must be a mapping with the fields "
                    + String.join(", ", TOP_LEVEL_FIELDS.stream().sorted().toList()));
        }
        rejectUnknownFields(source, "the top level", root, TOP_LEVEL_FIELDS);

        String benchmarkId = requireString(source, "the top level", root, "benchmark");
        if (!benchmarkId.equals(BENCHMARK_ID)) {
            throw new InvalidCatalogueException("Benchmark catalogue " + source + " has benchmark '" + benchmarkId
                    + "'. This loader reads only '" + BENCHMARK_ID + "' catalogues");
        }
        String version = requireString(source, "the top level", root, "version");
        String title = requireString(source, "the top level", root, "title");

        Object entries = root.get("recommendations");
        if (!(entries instanceof List<?> list) || list.isEmpty()) {
            throw new InvalidCatalogueException("Benchmark catalogue " + source
                    + " is invalid: 'recommendations' must be a non-empty list");
        }
        return new BenchmarkCatalogue(source, benchmarkId, version, title, readRecommendations(source, list));
    }

    /** Reads every entry and rejects a second use of an id or a check key. */
    private List<Recommendation> readRecommendations(String source, List<?> entries) {
        List<Recommendation> recommendations = new ArrayList<>();
        Map<String, String> idsByKey = new HashMap<>();
        Map<String, Integer> positionsById = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            int position = i + 1;
            Recommendation recommendation = readRecommendation(source, position, entries.get(i));

            Integer earlier = positionsById.putIfAbsent(recommendation.id(), position);
            if (earlier != null) {
                throw new InvalidCatalogueException("Benchmark catalogue " + source + ": recommendation "
                        + recommendation.id() + " is declared twice, at positions " + earlier + " and " + position
                        + ". Give each recommendation its own id");
            }
            String otherId = idsByKey.putIfAbsent(recommendation.key(), recommendation.id());
            if (otherId != null) {
                throw new InvalidCatalogueException("Benchmark catalogue " + source + ": recommendations " + otherId
                        + " and " + recommendation.id() + " both use check key '" + recommendation.key()
                        + "'. Each check assesses exactly one recommendation");
            }
            recommendations.add(recommendation);
        }
        return recommendations;
    }

    private Recommendation readRecommendation(String source, int position, @Nullable Object entry) {
        if (!(entry instanceof Map<?, ?> fields)) {
            throw new InvalidCatalogueException("Benchmark catalogue " + source + ": recommendation at position "
                    + position + " is not a mapping");
        }
        String where = describeEntry(fields, position);
        rejectUnknownFields(source, where, fields, RECOMMENDATION_FIELDS);
        for (String field : REQUIRED_FIELDS) {
            if (!fields.containsKey(field) || fields.get(field) == null) {
                throw new InvalidCatalogueException("Benchmark catalogue " + source + ": " + where
                        + " is missing field '" + field + "'");
            }
        }
        String id = readId(source, where, fields.get("id"));
        where = "recommendation " + id;
        String key = requireString(source, where, fields, "key");
        Check check = registry.find(key).orElseThrow(() -> new InvalidCatalogueException("Benchmark catalogue "
                + source + ": recommendation " + id + " has unknown check key '" + key + "'. Use one of: "
                + String.join(", ", registry.keys())));
        Optional<RuleText> text = registry.text(key);
        Map<String, Object> merged = new HashMap<>();
        text.ifPresent(ruleText -> {
            merged.put("target", check.targetKind().name().toLowerCase(Locale.ROOT));
            merged.put("title", ruleText.title());
            merged.put("rationale", ruleText.rationale());
            merged.put("remediation", ruleText.remediation());
        });
        fields.forEach((name, value) -> merged.put(String.valueOf(name), value));
        for (String field : RULE_TEXT_FIELDS) {
            if (!field.equals("rationale") && merged.get(field) == null) {
                throw new InvalidCatalogueException("Benchmark catalogue " + source + ": " + where
                        + " is missing field '" + field + "', and no rule file gives check '" + key + "' one");
            }
        }
        fields = merged;
        TargetKind targetKind = readTargetKind(source, where, requireString(source, where, fields, "target"));
        if (targetKind != check.targetKind()) {
            throw new InvalidCatalogueException("Benchmark catalogue " + source + ": recommendation " + id
                    + " has target '" + yamlName(targetKind) + "', but check '" + key + "' reports on '"
                    + yamlName(check.targetKind()) + "'");
        }
        return new Recommendation(
                id,
                key,
                requireString(source, where, fields, "section"),
                requireString(source, where, fields, "title"),
                readProfile(source, where, fields.get("profile")),
                requireBoolean(source, where, fields, "scored"),
                readAutomation(source, where, requireString(source, where, fields, "automation")),
                targetKind,
                requireString(source, where, fields, "remediation").strip(),
                fields.get("rationale") instanceof String rationale ? rationale.strip() : "",
                RuleFileReader.readParams(source, where, fields.get("params")));
    }

    private static String describeEntry(Map<?, ?> fields, int position) {
        Object id = fields.get("id");
        return id instanceof String text && !text.isBlank()
                ? "recommendation " + text
                : "recommendation at position " + position;
    }

    static String readId(String source, String where, Object value) {
        if (!(value instanceof String id)) {
            // YAML reads an unquoted 5.10 as the number 5.1, so ids must be quoted.
            throw new InvalidCatalogueException("Benchmark catalogue " + source + ": " + where + " has id " + value
                    + " of type " + value.getClass().getSimpleName() + ". Quote ids, such as \"5.10\", because YAML"
                    + " reads an unquoted 5.10 as the number 5.1");
        }
        if (!ID_PATTERN.matcher(id).matches()) {
            throw new InvalidCatalogueException("Benchmark catalogue " + source + ": " + where + " has invalid id '"
                    + id + "'. Use dotted numbers such as \"5.10\", optionally after an upper-case prefix such as \"FB.1\"");
        }
        return id;
    }

    static TargetKind readTargetKind(String source, String where, String value) {
        for (TargetKind kind : TargetKind.values()) {
            if (yamlName(kind).equals(value)) {
                return kind;
            }
        }
        throw new InvalidCatalogueException("Benchmark catalogue " + source + ": " + where + " has unknown target '"
                + value + "'. Use one of: " + Arrays.stream(TargetKind.values())
                        .map(CatalogueLoader::yamlName)
                        .collect(Collectors.joining(", ")));
    }

    private static Automation readAutomation(String source, String where, String value) {
        for (Automation automation : Automation.values()) {
            if (automation.yamlName().equals(value)) {
                return automation;
            }
        }
        throw new InvalidCatalogueException("Benchmark catalogue " + source + ": " + where
                + " has unknown automation '" + value + "'. Use automated or manual");
    }

    private static int readProfile(String source, String where, Object value) {
        if (value instanceof Integer level && (level == 1 || level == 2)) {
            return level;
        }
        throw new InvalidCatalogueException("Benchmark catalogue " + source + ": " + where + " has profile '" + value
                + "'. Use the CIS profile level 1 or 2");
    }

    static String requireString(String source, String where, Map<?, ?> fields, String field) {
        Object value = fields.get(field);
        if (value == null) {
            throw new InvalidCatalogueException("Benchmark catalogue " + source + ": " + where + " is missing field '"
                    + field + "'");
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw new InvalidCatalogueException("Benchmark catalogue " + source + ": " + where + " has " + field
                    + " '" + value + "', which is not a non-empty string");
        }
        return text;
    }

    private static boolean requireBoolean(String source, String where, Map<?, ?> fields, String field) {
        Object value = fields.get(field);
        if (value instanceof Boolean bool) {
            return bool;
        }
        throw new InvalidCatalogueException("Benchmark catalogue " + source + ": " + where + " has " + field + " '"
                + value + "'. Use true or false");
    }

    static void rejectUnknownFields(String source, String where, Map<?, ?> fields, Set<String> known) {
        for (Object field : fields.keySet()) {
            if (!known.contains(String.valueOf(field))) {
                throw new InvalidCatalogueException("Benchmark catalogue " + source + ": " + where
                        + " has unknown field '" + field + "'. Use only: "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    private static String yamlName(TargetKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    static @Nullable Object parse(String source, Reader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader input = reader) {
            return new Yaml(new SafeConstructor(options)).load(input);
        } catch (YAMLException e) {
            throw new InvalidCatalogueException("Benchmark catalogue " + source + " is not valid YAML: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read benchmark catalogue " + source, e);
        }
    }

    static Reader openResource(String resource) {
        InputStream stream = CatalogueLoader.class.getClassLoader().getResourceAsStream(resource);
        if (stream == null) {
            throw new InvalidCatalogueException("Benchmark catalogue resource " + resource
                    + " is not on the classpath. Check that the rule-engine jar is complete");
        }
        return new InputStreamReader(stream, StandardCharsets.UTF_8);
    }
}
