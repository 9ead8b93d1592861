package io.fleetbench.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimeEventObservedTests {

    private static final HostDescriptor HOST = new HostDescriptor("h-0123abcd", "web-01", Map.of("team", "ops"), "0.1.0");

    private static RuntimeEventObserved privilegedExec() {
        return new RuntimeEventObserved(RuntimeEventObserved.SCHEMA_VERSION, "evt-9",
                Instant.parse("2026-12-04T10:15:29Z"), HOST, "exec_start", "container", "web", "c0ffee", true, "0",
                "sh");
    }

    @Test
    void runtimeEventRoundTripsThroughJson() {
        RuntimeEventObserved original = privilegedExec();

        RuntimeEventObserved decoded = EventCodec.decodeRuntimeEvent(EventCodec.encode(original));

        assertThat(decoded).isEqualTo(original);
    }

    @Test
    void snapshotCarriesRecentEvents() {
        HostSnapshotCollected original = EventCodecTests.snapshot().withRecentEvents(List.of(privilegedExec()));

        HostSnapshotCollected decoded = EventCodec.decodeSnapshot(EventCodec.encode(original));

        assertThat(decoded.recentEvents()).containsExactly(privilegedExec());
        assertThat(decoded).isEqualTo(original);
    }

    @Test
    void snapshotWithoutEventsFieldReadsEmpty() {
        String json = new String(EventCodec.encode(EventCodecTests.snapshot()), StandardCharsets.UTF_8)
                .replace(",\"recentEvents\":[]", "");
        assertThat(json).doesNotContain("recentEvents");

        HostSnapshotCollected decoded = EventCodec.decodeSnapshot(json.getBytes(StandardCharsets.UTF_8));

        assertThat(decoded.recentEvents()).isEmpty();
    }

    @Test
    void nonExecEventOmitsExecFields() {
        RuntimeEventObserved start = new RuntimeEventObserved(RuntimeEventObserved.SCHEMA_VERSION, "evt-10",
                Instant.parse("2026-12-04T10:15:29Z"), HOST, "start", "container", "web", "c0ffee", null, null, null);

        String json = new String(EventCodec.encode(start), StandardCharsets.UTF_8);

        assertThat(json).doesNotContain("privileged").doesNotContain("command");
        assertThat(EventCodec.decodeRuntimeEvent(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(start);
    }

    @Test
    void newerMajorVersionIsRejected() {
        String json = new String(EventCodec.encode(privilegedExec()), StandardCharsets.UTF_8)
                .replace("\"schemaVersion\":1", "\"schemaVersion\":2");

        assertThatThrownBy(() -> EventCodec.decodeRuntimeEvent(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("RuntimeEventObserved schemaVersion 2 is not supported");
    }
}
