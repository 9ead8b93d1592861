package io.fleetbench.report.waiver;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetbench.model.finding.TargetKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WaiverScopeTests {

    private static final Map<String, String> LABELS = Map.of("env", "prod", "team", "payments");

    @Test
    void hostScopeMatchesOnlyThatHost() {
        WaiverScope scope = new WaiverScope("host-a", null, null, null);

        assertThat(scope.covers("host-a", LABELS, TargetKind.DAEMON, "daemon")).isTrue();
        assertThat(scope.covers("host-b", LABELS, TargetKind.DAEMON, "daemon")).isFalse();
    }

    @Test
    void labelScopeComparesWholeValue() {
        WaiverScope scope = new WaiverScope(null, "env=prod", null, null);

        assertThat(scope.covers("any", LABELS, TargetKind.HOST, "host")).isTrue();
        assertThat(scope.covers("any", Map.of("env", "production"), TargetKind.HOST, "host")).isFalse();
        assertThat(scope.covers("any", Map.of(), TargetKind.HOST, "host")).isFalse();
    }

    @Test
    void containerGlobMatchesContainerNames() {
        WaiverScope scope = new WaiverScope(null, null, "web-?-*", null);

        assertThat(scope.covers("h", LABELS, TargetKind.CONTAINER, "container:web-1-blue")).isTrue();
        assertThat(scope.covers("h", LABELS, TargetKind.CONTAINER, "container:web-12-blue")).isFalse();
        assertThat(scope.covers("h", LABELS, TargetKind.IMAGE, "image:web-1-blue")).isFalse();
    }

    @Test
    void imageGlobQuotesRegexCharacters() {
        WaiverScope scope = new WaiverScope(null, null, null, "registry.local/app:1.*");

        assertThat(scope.covers("h", LABELS, TargetKind.IMAGE, "image:registry.local/app:1.4")).isTrue();
        assertThat(scope.covers("h", LABELS, TargetKind.IMAGE, "image:registryXlocal/app:1.4")).isFalse();
        assertThat(scope.covers("h", LABELS, TargetKind.CONTAINER, "container:registry.local/app:1.4")).isFalse();
    }
}
