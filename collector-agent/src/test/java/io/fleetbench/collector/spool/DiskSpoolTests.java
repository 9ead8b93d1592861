package io.fleetbench.collector.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class DiskSpoolTests {

    private static final long MAX_BYTES = 1024 * 1024;

    @TempDir
    Path folder;

    @Test
    void recordsComeBackInOrder() throws InterruptedException {
        try (DiskSpool spool = DiskSpool.open(folder, MAX_BYTES)) {
            for (int i = 0; i < 5; i++) {
                assertThat(spool.append("topic", "host", value(i))).isTrue();
            }

            assertThat(drain(spool)).containsExactly("value-0", "value-1", "value-2", "value-3", "value-4");
            assertThat(spool.pendingCount()).isZero();
        }
    }

    @Test
    void pendingRecordsSurviveReopen() throws InterruptedException {
        try (DiskSpool spool = DiskSpool.open(folder, MAX_BYTES)) {
            for (int i = 0; i < 3; i++) {
                spool.append("topic", "host", value(i));
            }
            SpooledRecord first = spool.awaitOldest(Duration.ZERO).orElseThrow();
            spool.acknowledge(first);
        }

        try (DiskSpool reopened = DiskSpool.open(folder, MAX_BYTES)) {
            assertThat(reopened.pendingCount()).isEqualTo(2);
            reopened.append("topic", "host", value(3));
            assertThat(drain(reopened)).containsExactly("value-1", "value-2", "value-3");
        }
        try (DiskSpool again = DiskSpool.open(folder, MAX_BYTES)) {
            assertThat(again.pendingCount()).isZero();
        }
    }

    @Test
    void tornTailIsCutOff(CapturedOutput output) throws IOException {
        try (DiskSpool spool = DiskSpool.open(folder, MAX_BYTES)) {
            spool.append("topic", "host", value(0));
            spool.append("topic", "host", value(1));
        }
        Path segment = segments().get(0);
        long size = Files.size(segment);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(size - 3);
        }

        try (DiskSpool reopened = DiskSpool.open(folder, MAX_BYTES)) {
            assertThat(reopened.pendingCount()).isEqualTo(1);
        }
        assertThat(output.getAll()).contains("torn record");
    }

    @Test
    void corruptedRecordIsNotSent() throws IOException {
        try (DiskSpool spool = DiskSpool.open(folder, MAX_BYTES)) {
            spool.append("topic", "host", value(0));
            spool.append("topic", "host", value(1));
        }
        Path segment = segments().get(0);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {'X'}), 30);
        }

        try (DiskSpool reopened = DiskSpool.open(folder, MAX_BYTES)) {
            assertThat(reopened.pendingCount()).isZero();
        }
    }

    @Test
    void fullSpoolDropsAndCountsRecords(CapturedOutput output) {
        try (DiskSpool spool = DiskSpool.open(folder, 4096)) {
            byte[] large = new byte[1500];
            List<Boolean> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(spool.append("topic", "host", large));
            }

            assertThat(results).containsExactly(true, true, false, false);
            assertThat(spool.droppedCount()).isEqualTo(2);
            assertThat(spool.sizeBytes()).isLessThanOrEqualTo(4096);
        }
        assertThat(output.getAll()).contains("Dropped a record of").contains("1 record(s) dropped since start");
    }

    @Test
    void deliveredSegmentsAreDeleted() throws InterruptedException, IOException {
        try (DiskSpool spool = DiskSpool.open(folder, 8192)) {
            byte[] record = new byte[600];
            for (int i = 0; i < 9; i++) {
                assertThat(spool.append("topic", "host", record)).isTrue();
                spool.acknowledge(spool.awaitOldest(Duration.ZERO).orElseThrow());
            }

            assertThat(segments()).hasSizeLessThanOrEqualTo(1);
            assertThat(spool.sizeBytes()).isLessThan(8192 / 4 + 700);
        }
    }

    @Test
    void acknowledgingOutOfOrderIsRejected() throws InterruptedException {
        try (DiskSpool spool = DiskSpool.open(folder, MAX_BYTES)) {
            spool.append("topic", "host", value(0));
            spool.append("topic", "host", value(1));
            SpooledRecord second = new SpooledRecord(2, "topic", "host", value(1));

            assertThatThrownBy(() -> spool.acknowledge(second))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Spool record 2 is not the oldest pending one (1)");
        }
    }

    private static byte[] value(int i) {
        return ("value-" + i).getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> drain(DiskSpool spool) throws InterruptedException {
        List<String> values = new ArrayList<>();
        while (spool.pendingCount() > 0) {
            SpooledRecord record = spool.awaitOldest(Duration.ZERO).orElseThrow();
            assertThat(record.topic()).isEqualTo("topic");
            assertThat(record.key()).isEqualTo("host");
            values.add(new String(record.value(), StandardCharsets.UTF_8));
            spool.acknowledge(record);
        }
        return values;
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().startsWith(DiskSpool.SEGMENT_PREFIX))
                    .sorted()
                    .toList();
        }
    }
}
