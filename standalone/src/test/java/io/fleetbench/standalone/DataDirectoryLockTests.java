package io.fleetbench.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryLockTests {

    @TempDir
    Path dataDir;

    @Test
    void secondLockNamesFolderAndFix() throws Exception {
        try (DataDirectoryLock first = DataDirectoryLock.acquire(dataDir)) {
            assertThat(first).isNotNull();

            assertThatThrownBy(() -> DataDirectoryLock.acquire(dataDir))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining(dataDir.toString())
                    .hasMessageContaining("--data-dir");
        }
    }

    @Test
    void releasedLockCanBeTakenAgain() throws Exception {
        DataDirectoryLock.acquire(dataDir).close();

        try (DataDirectoryLock again = DataDirectoryLock.acquire(dataDir)) {
            assertThat(again).isNotNull();
        }
    }
}
