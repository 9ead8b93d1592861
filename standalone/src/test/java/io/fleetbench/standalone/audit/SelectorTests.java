package io.fleetbench.standalone.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetbench.collector.fixtures.EngineFixtures;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.model.snapshot.ImageFacts;
import io.fleetbench.rules.core.BundledRules;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SelectorTests {

    @ParameterizedTest(name = "{0} selects {1}: {2}")
    @CsvSource({
            "5.5, 5.5, true",
            "5, 5.5, true",
            "5, 5.10, true",
            "5.1, 5.10, false",
            "5.1, 5.1, true",
            "2, 5.2, false",
            "fb, FB.1, true",
            "FB.1, FB.1, true"})
    void checkSelectorMatchesIdOrSection(String selector, String checkId, boolean expected) {
        assertThat(CheckSelection.matches(selector, checkId)).isEqualTo(expected);
    }

    @Test
    void exclusionWinsOverInclusion() {
        CheckSelection selection = new CheckSelection(List.of("5"), List.of("5.5"));

        assertThat(selection.keeps("5.4")).isTrue();
        assertThat(selection.keeps("5.5")).isFalse();
        assertThat(selection.keeps("2.2")).isFalse();
    }

    @Test
    void selectionThatKeepsNothingIsRejected() {
        CheckSelection selection = new CheckSelection(List.of("5.5"), List.of("5"));

        assertThatThrownBy(() -> selection.validate(BundledRules.catalogue("1.8.0")))
                .isInstanceOf(AuditUsageException.class)
                .hasMessageContaining("--exclude-checks 5")
                .hasMessageContaining("--checks 5.5")
                .hasMessageContaining("empty");
    }

    @Test
    void containerExclusionByNameAndLabel() {
        HostSnapshotCollected snapshot = EngineFixtures.snapshot(EngineFixtures.MIXED);
        ContainerFacts first = snapshot.containers().get(0);
        ContainerFacts second = snapshot.containers().get(1);
        ResourceExclusions exclusions = new ResourceExclusions(List.of(first.name()), List.of());

        HostSnapshotCollected filtered = exclusions.apply(snapshot);

        assertThat(filtered.containers()).hasSize(snapshot.containers().size() - 1);
        assertThat(filtered.containers()).doesNotContain(first).contains(second);
        assertThat(filtered.images()).isEqualTo(snapshot.images());
        assertThat(filtered.hostId()).isEqualTo(snapshot.hostId());
    }

    @Test
    void labelSelectorMatchesKeyOrValue() {
        ContainerFacts container = EngineFixtures.snapshot(EngineFixtures.MIXED).containers().stream()
                .filter(candidate -> !candidate.labels().isEmpty())
                .findFirst()
                .orElseThrow();
        String key = container.labels().keySet().iterator().next();
        String value = container.labels().get(key);

        assertThat(ResourceExclusions.matches("label=" + key, container)).isTrue();
        assertThat(ResourceExclusions.matches("label=" + key + "=" + value, container)).isTrue();
        assertThat(ResourceExclusions.matches("label=" + key + "=" + value + "-other", container)).isFalse();
    }

    @Test
    void imageSelectorMatchesTagRepositoryAndId() {
        ImageFacts image = EngineFixtures.snapshot(EngineFixtures.MIXED).images().stream()
                .filter(candidate -> !candidate.repoTags().isEmpty())
                .findFirst()
                .orElseThrow();
        String tag = image.repoTags().get(0);
        String repository = tag.substring(0, tag.lastIndexOf(':'));
        String hex = image.id().substring("sha256:".length());

        assertThat(ResourceExclusions.matches(tag, image)).isTrue();
        assertThat(ResourceExclusions.matches(repository, image)).isTrue();
        assertThat(ResourceExclusions.matches(hex.substring(0, 12), image)).isTrue();
        assertThat(ResourceExclusions.matches(hex.substring(0, 6), image)).isFalse();
    }

    @Test
    void labelSelectorWithoutKeyIsRejected() {
        assertThatThrownBy(() -> new ResourceExclusions(List.of("label="), List.of()))
                .isInstanceOf(AuditUsageException.class)
                .hasMessageContaining("use label=KEY or label=KEY=VALUE");
    }
}
