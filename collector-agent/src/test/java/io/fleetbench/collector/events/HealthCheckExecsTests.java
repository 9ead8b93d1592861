package io.fleetbench.collector.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetbench.collector.events.HealthCheckExecs.HealthCommand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthCheckExecsTests {

    private final List<String> lookups = new ArrayList<>();

    private final HealthCheckExecs probes = new HealthCheckExecs(containerId -> {
        lookups.add(containerId);
        return Map.of(
                "shell-probe", new HealthCommand(List.of("CMD-SHELL", "wget -q -O- http://127.0.0.1/health"), List.of()),
                "exec-probe", new HealthCommand(List.of("CMD", "/bin/true"), List.of()),
                "no-probe", new HealthCommand(List.of(), List.of()),
                "disabled", new HealthCommand(List.of("NONE"), List.of())).get(containerId);
    });

    @Test
    void shellProbeIsRecognised() {
        assertThat(probes.test(exec("shell-probe", "/bin/sh -c wget -q -O- http://127.0.0.1/health"))).isTrue();
    }

    @Test
    void commandProbeIsRecognised() {
        // The engine writes a space after the program even without arguments.
        assertThat(probes.test(exec("exec-probe", "/bin/true "))).isTrue();
    }

    @Test
    void otherExecsAreKept() {
        assertThat(probes.test(exec("shell-probe", "/bin/sh"))).isFalse();
        assertThat(probes.test(exec("exec-probe", "/bin/true --version"))).isFalse();
        assertThat(probes.test(exec("no-probe", "/bin/true "))).isFalse();
        assertThat(probes.test(exec("disabled", "/bin/true "))).isFalse();
        assertThat(probes.test(exec("removed", "/bin/true "))).as("container gone").isFalse();
    }

    @Test
    void nonExecEventsAreKept() {
        assertThat(probes.test(new ObservedEngineEvent("container", "start", "web", "exec-probe", null,
                Instant.now()))).isFalse();
        assertThat(lookups).as("no inspect for events other than execs").isEmpty();
    }

    @Test
    void healthCheckIsInspectedOncePerContainer() {
        probes.test(exec("exec-probe", "/bin/true "));
        probes.test(exec("exec-probe", "/bin/true "));
        probes.test(exec("exec-probe", "/bin/sh"));

        assertThat(lookups).containsExactly("exec-probe");
    }

    @Test
    void destroyForgetsContainer() {
        probes.test(exec("exec-probe", "/bin/true "));
        probes.test(new ObservedEngineEvent("container", "destroy", "web", "exec-probe", null, Instant.now()));
        probes.test(exec("exec-probe", "/bin/true "));

        assertThat(lookups).containsExactly("exec-probe", "exec-probe");
    }

    @Test
    void classifierKeepsOnlyDigest() {
        String digest = HealthCheckExecs.digest("/bin/true");

        assertThat(digest).hasSize(64).doesNotContain("true");
        assertThat(HealthCheckExecs.digest("  /bin/true ")).isEqualTo(digest);
    }

    private static ObservedEngineEvent exec(String containerId, String commandLine) {
        return new ObservedEngineEvent("container", "exec_start", "web", containerId, "exec-1", Instant.now(),
                HealthCheckExecs.digest(commandLine));
    }
}
