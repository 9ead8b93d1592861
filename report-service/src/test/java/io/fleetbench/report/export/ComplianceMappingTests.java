package io.fleetbench.report.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComplianceMappingTests {

    private final ComplianceMapping mapping = ComplianceMapping.load();

    @Test
    void ownVersionKeepsCheckIds() {
        assertThat(mapping.benchmarkVersion()).isEqualTo("1.6.0");
        assertThat(mapping.mappedCheckId("1.6.0", "2.7")).isEqualTo("2.7");
        assertThat(mapping.mappedCheckId("1.6.0", "5.10")).isEqualTo("5.10");
    }

    @Test
    void shiftedDaemonChecksMapBack() {
        assertThat(mapping.mappedCheckId("1.8.0", "2.8")).as("TLS authentication").isEqualTo("2.7");
        assertThat(mapping.mappedCheckId("1.8.0", "2.14")).as("central logging").isEqualTo("2.13");
        assertThat(mapping.mappedCheckId("1.8.0", "2.19")).isEqualTo("2.18");
        assertThat(mapping.mappedCheckId("1.8.0", "2.6")).isEqualTo("2.6");
        assertThat(mapping.mappedCheckId("1.8.0", "5.10")).isEqualTo("5.10");
        assertThat(mapping.mappedCheckId("1.8.0", "FB.1")).isEqualTo("FB.1");
    }

    @Test
    void checksWithoutCounterpartAreLeftOut() {
        assertThat(mapping.mappedCheckId("1.8.0", "2.7")).as("devicemapper, new in 1.8.0").isNull();
        assertThat(mapping.mappedCheckId("9.9.9", "5.10")).as("an unknown catalogue version").isNull();
        assertThat(mapping.countedVersions()).containsExactly("1.6.0", "1.8.0");
    }
}
