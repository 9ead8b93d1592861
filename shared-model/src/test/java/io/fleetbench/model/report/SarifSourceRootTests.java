package io.fleetbench.model.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostDescriptor;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.finding.Finding;
import io.fleetbench.model.finding.Status;
import io.fleetbench.model.finding.TargetKind;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SarifSourceRootTests {

    private static final URI SOURCE_ROOT = URI.create("file:///work/repository/");

    private static final HostFindingsEvaluated REPORT = new HostFindingsEvaluated(1, "rep-1", Instant.EPOCH,
            new HostDescriptor("compose-compose.yaml", "compose.yaml", Map.of(), "0.1.0"), 1, "snap", Instant.EPOCH,
            "not deployed", "cis-docker", "1.6.0", List.of(new Finding("5.5", "Title of 5.5", "Container Runtime",
                    true, TargetKind.CONTAINER, TargetKind.CONTAINER.key("web"), "web", Status.WARN,
                    "Privileged is true", "fix it")));

    private static JsonNode render(String uri) {
        FindingLocator locator = finding -> Optional.of(new FindingLocation(uri, 4, 5));
        String sarif = new SarifLog("1.0").render(REPORT, RuleDescription.fromFindings(REPORT), locator, SOURCE_ROOT);
        return EventCodec.mapper().readTree(sarif);
    }

    @Test
    void relativeLocationUsesSourceRoot() {
        JsonNode log = render("deploy/my%20compose.yaml");

        JsonNode artifact = log.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation");
        assertThat(artifact.get("uri").asString()).isEqualTo("deploy/my%20compose.yaml");
        assertThat(artifact.get("uriBaseId").asString()).isEqualTo(SarifLog.SOURCE_ROOT);
        assertThat(log.at("/runs/0/originalUriBaseIds/%SRCROOT%/uri").asString()).isEqualTo("file:///work/repository/");
    }

    @Test
    void absoluteLocationHasNoBaseId() {
        JsonNode log = render("file:///srv/compose.yaml");

        JsonNode artifact = log.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation");
        assertThat(artifact.get("uri").asString()).isEqualTo("file:///srv/compose.yaml");
        assertThat(artifact.has("uriBaseId")).isFalse();
    }

    @Test
    void unencodedLocationIsRejected() {
        assertThatThrownBy(() -> render("deploy/my compose.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("location URI 'deploy/my compose.yaml' is invalid")
                .hasMessageContaining("percent-encode");
    }

    @Test
    void rootedLocationIsRejected() {
        assertThatThrownBy(() -> render("/srv/compose.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("location URI '/srv/compose.yaml' is neither absolute nor relative");
    }

    @Test
    void sourceRootWithoutSlashIsRejected() {
        URI folder = URI.create("file:///work/repository");

        assertThatThrownBy(() -> new SarifLog("1.0").render(REPORT, RuleDescription.fromFindings(REPORT),
                FindingLocator.NONE, folder))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source root file:///work/repository is not an absolute folder URI");
    }
}
