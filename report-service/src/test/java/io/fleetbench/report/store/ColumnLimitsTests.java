package io.fleetbench.report.store;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetbench.model.event.HostDescriptor;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.event.InvalidEventException;
import io.fleetbench.model.finding.Finding;
import io.fleetbench.model.finding.Status;
import io.fleetbench.model.finding.TargetKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnLimitsTests {

    @Test
    void acceptsValuesAtTheLimits() {
        HostFindingsEvaluated report = report("v".repeat(ColumnLimits.BENCHMARK_VERSION),
                finding("1".repeat(ColumnLimits.CHECK_ID), "x".repeat(ColumnLimits.TARGET_KEY)));

        assertThatCode(() -> ColumnLimits.validate(report)).doesNotThrowAnyException();
    }

    @Test
    void rejectsLongCheckId() {
        HostFindingsEvaluated report = report("1.6.0", finding("1".repeat(ColumnLimits.CHECK_ID + 1), "daemon"));

        assertThatThrownBy(() -> ColumnLimits.validate(report))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("finding checkId")
                .hasMessageContaining("33 characters")
                .hasMessageContaining("maximum of 32");
    }

    @Test
    void rejectsLongTargetKey() {
        HostFindingsEvaluated report = report("1.6.0", finding("2.1", "f".repeat(ColumnLimits.TARGET_KEY + 1)));

        assertThatThrownBy(() -> ColumnLimits.validate(report))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("finding targetKey")
                .hasMessageContaining("maximum of 512");
    }

    @Test
    void rejectsLongBenchmarkVersion() {
        HostFindingsEvaluated report = report("v".repeat(ColumnLimits.BENCHMARK_VERSION + 1), finding("2.1", "daemon"));

        assertThatThrownBy(() -> ColumnLimits.validate(report))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("benchmarkVersion");
    }

    @Test
    void rejectsDuplicateFindingKey() {
        HostFindingsEvaluated report = report("1.6.0", finding("2.1", "daemon"), finding("2.1", "daemon"));

        assertThatThrownBy(() -> ColumnLimits.validate(report))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("check 2.1 on daemon")
                .hasMessageContaining("twice");
    }

    @Test
    void rejectsNulInReason() {
        Finding finding = new Finding("2.1", "Title", "Section", true, TargetKind.DAEMON, "daemon", null, Status.WARN,
                "before\u0000after", null);
        HostFindingsEvaluated report = report("1.6.0", finding);

        assertThatThrownBy(() -> ColumnLimits.validate(report))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("NUL character in reason of finding 2.1 on daemon")
                .hasMessageContaining("host-a");
    }

    private static HostFindingsEvaluated report(String benchmarkVersion, Finding... findings) {
        Instant now = Instant.parse("2026-01-05T10:00:00Z");
        return new HostFindingsEvaluated(1, "report-1", now, new HostDescriptor("host-a", null, null, null), 1,
                "snapshot-1", now, "20.10.24", "cis-docker", benchmarkVersion, List.of(findings));
    }

    private static Finding finding(String checkId, String targetKey) {
        return new Finding(checkId, "Title", "Section", true, TargetKind.FILE, targetKey, null, Status.INFO,
                "checked by hand", null);
    }
}
