package io.fleetbench.rules.core.catalogue;

import static io.fleetbench.rules.core.TestSnapshots.container;
import static io.fleetbench.rules.core.TestSnapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.finding.Finding;
import io.fleetbench.model.finding.Status;
import io.fleetbench.model.snapshot.ImageFacts;
import io.fleetbench.rules.core.BundledRules;
import io.fleetbench.rules.core.evaluation.AuditEvaluator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrganisationRulesTests {

    private static final String RULES = """
            rules:
              - id: "ORG.1"
                key: images-from-allowed-registry
                section: Image policy
                target: container
                title: Containers run images from the company registry
                rationale: Only the company registry scans and signs images.
                remediation: Push the image to registry.example.com and redeploy from there.
                manual: confirm that every image comes from registry.example.com
                params:
                  registries: [registry.example.com]
                condition: >
                  params.registries.exists(r, target.image.startsWith(r + '/'))
                    ? pass('image ' + target.image + ' comes from an allowed registry')
                    : warn('image ' + target.image + ' comes from outside ' + params.registries.join(', '))
              - id: "ORG.2"
                key: no-latest-tag
                section: Image policy
                target: container
                title: Containers do not run the latest tag
                rationale: The latest tag moves with every push.
                remediation: Deploy a versioned tag or a digest.
                manual: confirm that no container runs a latest tag
                condition: >
                  target.image.endsWith(':latest') || !target.image.substring(target.image.lastIndexOf('/') + 1).contains(':')
                    ? warn('image ' + target.image + ' uses the latest tag')
                    : pass('image ' + target.image + ' names a version')
              - id: "ORG.3"
                key: owner-label-required
                target: image
                scored: false
                title: Images carry an owner label
                rationale: Findings need an owner to act on them.
                remediation: Add LABEL owner=TEAM to the Dockerfile.
                manual: confirm that every image has an owner label
                condition: >
                  'owner' in target.labels
                    ? pass('label owner is ' + target.labels.owner)
                    : warn('the image has no owner label')
            """;

    @TempDir
    Path folder;

    @Test
    void reportsRulesUnderOwnIds() throws IOException {
        Files.writeString(folder.resolve("policy.yaml"), RULES);
        AuditEvaluator evaluator = BundledRules.evaluator("1.8.0", folder, Clock.systemUTC());
        HostSnapshotCollected snapshot = snapshot()
                .containers(container("good").image("registry.example.com/shop/web:1.4", "sha256:good"),
                        container("bad").image("docker.io/library/nginx:latest", "sha256:bad"),
                        container("untagged").image("nginx", "sha256:bad"))
                .images(new ImageFacts("sha256:good", List.of("registry.example.com/shop/web:1.4"), List.of(), null,
                                "1000", true, List.of(), Map.of("owner", "shop-team"), 1L),
                        new ImageFacts("sha256:bad", List.of("nginx:latest"), List.of(), null, "", false, List.of(),
                                Map.of(), 1L))
                .build();

        List<Finding> findings = evaluator.evaluate(snapshot).findings();

        assertThat(status(findings, "ORG.1", "container:good")).isEqualTo(Status.PASS);
        assertThat(status(findings, "ORG.1", "container:bad")).isEqualTo(Status.WARN);
        assertThat(status(findings, "ORG.2", "container:good")).isEqualTo(Status.PASS);
        assertThat(status(findings, "ORG.2", "container:bad")).isEqualTo(Status.WARN);
        assertThat(status(findings, "ORG.2", "container:untagged")).isEqualTo(Status.WARN);
        assertThat(status(findings, "ORG.3", "image:registry.example.com/shop/web:1.4")).isEqualTo(Status.PASS);
        assertThat(status(findings, "ORG.3", "image:nginx:latest")).isEqualTo(Status.WARN);
        Recommendation ownerRule = evaluator.catalogue().recommendation("ORG.3").orElseThrow();
        assertThat(ownerRule.section()).isEqualTo(OrganisationRules.DEFAULT_SECTION);
        assertThat(ownerRule.scored()).isFalse();
        assertThat(evaluator.catalogue().recommendations()).hasSize(
                BundledRules.catalogue("1.8.0").recommendations().size() + 3);
    }

    @Test
    void rejectsUnknownFunctionNamingFileAndId() throws IOException {
        Path file = folder.resolve("broken.yaml");
        Files.writeString(file, RULES.replace("target.image.startsWith(r + '/')", "fromRegistry(target.image, r)"));

        assertThatThrownBy(() -> BundledRules.evaluator("1.8.0", folder, Clock.systemUTC()))
                .isInstanceOf(InvalidCatalogueException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("organisation rule ORG.1")
                .hasMessageContaining("undeclared reference to 'fromRegistry'");
    }

    @Test
    void rejectsIdOfBenchmark() throws IOException {
        Files.writeString(folder.resolve("clash.yaml"), RULES.replace("\"ORG.2\"", "\"5.5\""));

        assertThatThrownBy(() -> BundledRules.evaluator("1.8.0", folder, Clock.systemUTC()))
                .isInstanceOf(InvalidCatalogueException.class)
                .hasMessageContaining("rule 5.5 uses an id that the catalogue or another organisation rule already has");
    }

    @Test
    void rejectsKeyOfBundledRule() throws IOException {
        Files.writeString(folder.resolve("clash.yaml"), RULES.replace("key: no-latest-tag", "key: pids-limited"));

        assertThatThrownBy(() -> BundledRules.evaluator("1.8.0", folder, Clock.systemUTC()))
                .isInstanceOf(InvalidCatalogueException.class)
                .hasMessageContaining("rule ORG.2 uses key 'pids-limited', which another rule already has");
    }

    @Test
    void rejectsMissingFolder() {
        Path missing = folder.resolve("absent");

        assertThatThrownBy(() -> BundledRules.evaluator("1.8.0", missing, Clock.systemUTC()))
                .isInstanceOf(InvalidCatalogueException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    private static Status status(List<Finding> findings, String id, String targetKey) {
        return findings.stream()
                .filter(finding -> finding.checkId().equals(id) && finding.targetKey().equals(targetKey))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no finding of " + id + " on " + targetKey))
                .status();
    }
}
