package io.fleetbench.collector.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetbench.model.event.HostDescriptor;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostIdentityStoreTests {

    private static final URI DEFAULT_SOCKET = URI.create("unix:///var/run/docker.sock");
    private static final URI SECOND_SOCKET = URI.create("unix:///run/docker-second.sock");
    private static final String ENGINE_ID = "VMSP:GHC3:MBIC:GQZS:7GKD:UZST:TU4Q:KP5H:5H5S:YPDE:YNIN:VHXC";

    @TempDir
    Path hostRoot;

    @TempDir
    Path stateDir;

    @Test
    void hostIdStableAcrossRestarts() throws IOException {
        writeMachineId("3d1219c7c4c5404aaa1f6d2a48adfda4");

        String first = new HostIdentityStore(stateDir, hostRoot, DEFAULT_SOCKET, null).hostId(ENGINE_ID);
        String second = new HostIdentityStore(stateDir, hostRoot, DEFAULT_SOCKET, null).hostId(ENGINE_ID);

        assertThat(second).isEqualTo(first);
        assertThat(first).matches("h-[0-9a-f]{32}");
        assertThat(HostDescriptor.ID_PATTERN.matcher(first).matches()).isTrue();
        assertThat(Files.readString(stateDir.resolve(HostIdentityStore.HOST_ID_FILE))).contains(first);
    }

    @Test
    void dockerHostsWithSameEngineIdDiffer(@TempDir Path secondStateDir) throws IOException {
        writeMachineId("3d1219c7c4c5404aaa1f6d2a48adfda4");

        String first = new HostIdentityStore(stateDir, hostRoot, DEFAULT_SOCKET, null).hostId(ENGINE_ID);
        String second = new HostIdentityStore(secondStateDir, hostRoot, SECOND_SOCKET, null).hostId(ENGINE_ID);

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void sharedStateFolderStillSeparatesHosts() throws IOException {
        writeMachineId("3d1219c7c4c5404aaa1f6d2a48adfda4");

        String first = new HostIdentityStore(stateDir, hostRoot, DEFAULT_SOCKET, null).hostId(ENGINE_ID);
        String second = new HostIdentityStore(stateDir, hostRoot, SECOND_SOCKET, null).hostId(ENGINE_ID);

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void clonedMachinesWithSameEngineIdDiffer(@TempDir Path cloneRoot, @TempDir Path cloneState) throws IOException {
        writeMachineId("3d1219c7c4c5404aaa1f6d2a48adfda4");
        Files.createDirectories(cloneRoot.resolve("etc"));
        Files.writeString(cloneRoot.resolve("etc/machine-id"), "8b2f0e6d1c9a4f5e8d7c6b5a49382716\n");

        String original = new HostIdentityStore(stateDir, hostRoot, DEFAULT_SOCKET, null).hostId(ENGINE_ID);
        String clone = new HostIdentityStore(cloneState, cloneRoot, DEFAULT_SOCKET, null).hostId(ENGINE_ID);

        assertThat(clone).isNotEqualTo(original);
    }

    @Test
    void storedIdSurvivesMachineIdChange() throws IOException {
        writeMachineId("3d1219c7c4c5404aaa1f6d2a48adfda4");
        String before = new HostIdentityStore(stateDir, hostRoot, DEFAULT_SOCKET, null).hostId(ENGINE_ID);

        writeMachineId("00000000000000000000000000000001");
        String after = new HostIdentityStore(stateDir, hostRoot, DEFAULT_SOCKET, null).hostId(ENGINE_ID);

        assertThat(after).isEqualTo(before);
    }

    @Test
    void missingMachineIdUsesStoredRandomId() {
        String first = new HostIdentityStore(stateDir, hostRoot, DEFAULT_SOCKET, null).hostId(ENGINE_ID);
        String machineId = readState(HostIdentityStore.MACHINE_ID_FILE);

        String second = new HostIdentityStore(stateDir, hostRoot, DEFAULT_SOCKET, null).hostId("OTHER:ENGINE");

        assertThat(machineId).isNotBlank();
        assertThat(readState(HostIdentityStore.MACHINE_ID_FILE)).isEqualTo(machineId);
        assertThat(second).isEqualTo(HostIdentityStore.derive(machineId, "OTHER:ENGINE", DEFAULT_SOCKET));
        assertThat(first).isEqualTo(HostIdentityStore.derive(machineId, ENGINE_ID, DEFAULT_SOCKET));
    }

    @Test
    void fixedHostIdWins() {
        String hostId = new HostIdentityStore(stateDir, hostRoot, DEFAULT_SOCKET, "web-01.example").hostId(ENGINE_ID);

        assertThat(hostId).isEqualTo("web-01.example");
        assertThat(stateDir.resolve(HostIdentityStore.HOST_ID_FILE)).doesNotExist();
    }

    @Test
    void derivationIsDeterministic() {
        assertThat(HostIdentityStore.derive("machine", ENGINE_ID, DEFAULT_SOCKET))
                .isEqualTo(HostIdentityStore.derive("machine", ENGINE_ID, DEFAULT_SOCKET))
                .isNotEqualTo(HostIdentityStore.derive("machine", ENGINE_ID, SECOND_SOCKET))
                .isNotEqualTo(HostIdentityStore.derive("other", ENGINE_ID, DEFAULT_SOCKET));
    }

    private void writeMachineId(String machineId) throws IOException {
        Files.createDirectories(hostRoot.resolve("etc"));
        Files.writeString(hostRoot.resolve("etc/machine-id"), machineId + "\n");
    }

    private String readState(String file) {
        try {
            return Files.readString(stateDir.resolve(file)).strip();
        } catch (IOException e) {
            throw new AssertionError("state file " + file + " is missing", e);
        }
    }
}
