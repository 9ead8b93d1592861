package io.fleetbench.rules.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.fleetbench.model.finding.TargetKind;
import io.fleetbench.rules.core.BundledRules;
import io.fleetbench.rules.core.check.Check;
import io.fleetbench.rules.core.check.CheckRegistry;
import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CatalogueLoaderTests {

    private static final String SOURCE = "test/cis-docker-9.9.9.yaml";

    private static final String VALID_ENTRY = """
              - id: "5.5"
                key: no-privileged-containers
                section: Container Runtime
                title: Ensure that privileged containers are not used
                profile: 1
                scored: true
                automation: automated
                target: container
                remediation: Recreate the container without --privileged.
            """;

    private final CheckRegistry registry = BundledRules.registry();
    private final CatalogueLoader loader = new CatalogueLoader(registry);

    @Test
    void loadsBundledCatalogue() {
        BenchmarkCatalogue catalogue = loader.loadBundled("1.6.0");

        assertThat(catalogue.source()).isEqualTo("benchmarks/cis-docker-1.6.0.yaml");
        assertThat(catalogue.benchmarkId()).isEqualTo("cis-docker");
        assertThat(catalogue.version()).isEqualTo("1.6.0");
        assertThat(catalogue.recommendations()).extracting(Recommendation::id)
                .startsWith("1.1.1", "1.1.2", "1.1.3")
                .endsWith("7.9", "FB.1", "FB.2", "FB.3", "FB.4", "FB.5");
        Recommendation privileged = catalogue.recommendation("5.5").orElseThrow();
        assertThat(privileged.key()).isEqualTo("no-privileged-containers");
        assertThat(privileged.targetKind()).isEqualTo(TargetKind.CONTAINER);
        assertThat(privileged.automation()).isEqualTo(Automation.MANUAL);
        assertThat(privileged.title()).isEqualTo("Containers do not run privileged");
        assertThat(privileged.rationale()).isNotBlank();
        assertThat(privileged.remediation()).isNotBlank();
    }

    @Test
    void everyEntryResolvesToOneCheck() {
        for (String version : loader.bundledVersions()) {
            BenchmarkCatalogue catalogue = loader.loadBundled(version);
            for (Recommendation recommendation : catalogue.recommendations()) {
                List<Check> matching = registry.checks().stream()
                        .filter(check -> check.key().equals(recommendation.key()))
                        .toList();
                assertThat(matching).as("checks for %s %s", version, recommendation.id()).hasSize(1);
                assertThat(matching.get(0).targetKind()).as("target of %s", recommendation.id())
                        .isEqualTo(recommendation.targetKind());
            }
        }
    }

    @Test
    void everyCheckIsReferenced() {
        Map<String, Long> referencesByKey = new java.util.HashMap<>();
        for (String version : loader.bundledVersions()) {
            loader.loadBundled(version).recommendations()
                    .forEach(recommendation -> referencesByKey.merge(recommendation.key(), 1L, Long::sum));
        }
        for (String key : registry.keys()) {
            assertThat(referencesByKey.get(key)).as("references to check %s", key).isNotNull();
        }
    }

    @Test
    void indexListsEveryBundledFile() throws IOException, URISyntaxException {
        Path folder = Path.of(getClass().getClassLoader().getResource("benchmarks").toURI());
        List<String> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.map(path -> path.getFileName().toString())
                    .filter(name -> !name.equals("index.yaml") && !name.equals("rules"))
                    .sorted()
                    .toList();
        }

        List<String> indexed = loader.bundledVersions().stream().map(CatalogueLoader::fileName).sorted().toList();

        assertThat(files).isEqualTo(indexed);
    }

    @Test
    void rejectsUnbundledVersion() {
        assertThatThrownBy(() -> loader.loadBundled("1.7.0"))
                .isInstanceOf(InvalidCatalogueException.class)
                .hasMessage("No bundled catalogue for benchmark version '1.7.0'. Use one of: 1.6.0, 1.8.0");
    }

    @Test
    void loadsValidInlineCatalogue() {
        BenchmarkCatalogue catalogue = load(catalogue(VALID_ENTRY));

        assertThat(catalogue.source()).isEqualTo(SOURCE);
        assertThat(catalogue.recommendations()).singleElement()
                .satisfies(recommendation -> assertThat(recommendation.title())
                        .isEqualTo("Ensure that privileged containers are not used"));
    }

    static Stream<Arguments> invalidCatalogues() {
        return Stream.of(
                arguments("unknown check key",
                        entry(text -> text.replace("no-privileged-containers", "no-privileged-containerz")),
                        List.of(SOURCE, "recommendation 5.5", "unknown check key 'no-privileged-containerz'",
                                "Use one of: docker-data-on-own-partition")),
                arguments("missing field",
                        entry(text -> text.replace("    section: Container Runtime\n", "")),
                        List.of(SOURCE, "recommendation 5.5 is missing field 'section'")),
                arguments("missing id",
                        entry(text -> text.replace("  - id: \"5.5\"\n    key:", "  - key:")),
                        List.of(SOURCE, "recommendation at position 1 is missing field 'id'")),
                arguments("unknown target kind",
                        entry(text -> text.replace("target: container", "target: pod")),
                        List.of(SOURCE, "recommendation 5.5", "unknown target 'pod'",
                                "Use one of: host, daemon, file, image, container, network, swarm")),
                arguments("target kind of another check",
                        entry(text -> text.replace("target: container", "target: image")),
                        List.of(SOURCE, "recommendation 5.5", "target 'image'", "reports on 'container'")),
                arguments("duplicate id",
                        VALID_ENTRY + VALID_ENTRY.replace("no-privileged-containers", "no-host-network-mode"),
                        List.of(SOURCE, "recommendation 5.5 is declared twice, at positions 1 and 2")),
                arguments("duplicate check key",
                        VALID_ENTRY + VALID_ENTRY.replace("\"5.5\"", "\"5.6\""),
                        List.of(SOURCE, "recommendations 5.5 and 5.6 both use check key 'no-privileged-containers'")),
                arguments("unquoted id",
                        entry(text -> text.replace("\"5.5\"", "5.10")),
                        List.of(SOURCE, "has id 5.1 of type Double", "Quote ids, such as \"5.10\"")),
                arguments("malformed id",
                        entry(text -> text.replace("\"5.5\"", "\"five\"")),
                        List.of(SOURCE, "invalid id 'five'")),
                arguments("profile out of range",
                        entry(text -> text.replace("profile: 1", "profile: 3")),
                        List.of(SOURCE, "recommendation 5.5 has profile '3'", "1 or 2")),
                arguments("scored not a boolean",
                        entry(text -> text.replace("scored: true", "scored: sometimes")),
                        List.of(SOURCE, "recommendation 5.5 has scored 'sometimes'", "true or false")),
                arguments("unknown automation",
                        entry(text -> text.replace("automation: automated", "automation: auto")),
                        List.of(SOURCE, "recommendation 5.5 has unknown automation 'auto'")),
                arguments("misspelled field",
                        entry(text -> text.replace("remediation:", "remedation:")),
                        List.of(SOURCE, "recommendation 5.5 has unknown field 'remedation'")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCatalogues")
    void rejectsInvalidEntry(String description, String entries, List<String> messageFragments) {
        assertThatThrownBy(() -> load(catalogue(entries)))
                .isInstanceOf(InvalidCatalogueException.class)
                .message()
                .contains(messageFragments);
    }

    @Test
    void rejectsMalformedYaml() {
        assertThatThrownBy(() -> load("benchmark: cis-docker\nrecommendations: [\n"))
                .isInstanceOf(InvalidCatalogueException.class)
                .hasMessageStartingWith("Benchmark catalogue " + SOURCE + " is not valid YAML");
    }

    @Test
    void rejectsDuplicateYamlKeys() {
        assertThatThrownBy(() -> load(catalogue(VALID_ENTRY.replace("    profile: 1\n", "    profile: 1\n    profile: 2\n"))))
                .isInstanceOf(InvalidCatalogueException.class)
                .hasMessageContaining("profile");
    }

    @Test
    void rejectsOtherBenchmarkFamily() {
        assertThatThrownBy(() -> load(catalogue(VALID_ENTRY).replace("benchmark: cis-docker", "benchmark: cis-k8s")))
                .isInstanceOf(InvalidCatalogueException.class)
                .hasMessageContaining(SOURCE)
                .hasMessageContaining("benchmark 'cis-k8s'");
    }

    @Test
    void rejectsEmptyRecommendationList() {
        assertThatThrownBy(() -> load("benchmark: cis-docker\nversion: \"9.9.9\"\ntitle: Test\nrecommendations: []\n"))
                .isInstanceOf(InvalidCatalogueException.class)
                .hasMessageContaining("'recommendations' must be a non-empty list");
    }

    private BenchmarkCatalogue load(String yaml) {
        return loader.load(SOURCE, new StringReader(yaml));
    }

    private static String entry(Function<String, String> change) {
        return change.apply(VALID_ENTRY);
    }

    private static String catalogue(String entries) {
        return "benchmark: cis-docker\nversion: \"9.9.9\"\ntitle: Test benchmark\nrecommendations:\n" + entries;
    }
}
