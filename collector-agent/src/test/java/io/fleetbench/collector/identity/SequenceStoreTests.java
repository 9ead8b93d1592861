package io.fleetbench.collector.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequenceStoreTests {

    @TempDir
    Path stateDir;

    @Test
    void sequenceStartsAtOne() {
        SequenceStore store = new SequenceStore(stateDir);

        assertThat(store.current()).isZero();
        assertThat(store.next()).isEqualTo(1);
        assertThat(store.next()).isEqualTo(2);
    }

    @Test
    void sequenceSurvivesRestart() {
        new SequenceStore(stateDir).next();
        new SequenceStore(stateDir).next();

        SequenceStore restarted = new SequenceStore(stateDir);

        assertThat(restarted.current()).isEqualTo(2);
        assertThat(restarted.next()).isEqualTo(3);
    }

    @Test
    void writeLeavesNoTemporaryFiles() throws IOException {
        new SequenceStore(stateDir).next();

        try (var files = Files.list(stateDir)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly(SequenceStore.FILE_NAME);
        }
    }

    @Test
    void createsMissingStateFolder() {
        Path nested = stateDir.resolve("agent/state");

        assertThat(new SequenceStore(nested).next()).isEqualTo(1);
        assertThat(nested.resolve(SequenceStore.FILE_NAME)).hasContent("1");
    }

    @Test
    void corruptFileNamesValueAndFix() throws IOException {
        Files.writeString(stateDir.resolve(SequenceStore.FILE_NAME), "twelve\n");

        assertThatThrownBy(() -> new SequenceStore(stateDir).next())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(stateDir.resolve(SequenceStore.FILE_NAME).toString())
                .hasMessageContaining("'twelve'")
                .hasMessageContaining("write the last published sequence number into it");
    }
}
