package io.fleetbench.report.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class BinaryCopyRowsTests {

    @Test
    void encodesHeaderRowAndTrailer() {
        ByteBuf data = new BinaryCopyRows(4, 1).row()
                .text("é")
                .text(null)
                .bool(true)
                .timestamptz(OffsetDateTime.parse("2000-01-01T00:00:01.000002Z"))
                .finish();

        byte[] signature = new byte[11];
        data.readBytes(signature);
        assertThat(signature).isEqualTo(new byte[] {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0});
        assertThat(data.readInt()).as("flags").isZero();
        assertThat(data.readInt()).as("header extension").isZero();
        assertThat(data.readShort()).as("columns").isEqualTo((short) 4);
        assertThat(data.readInt()).as("UTF-8 length of é").isEqualTo(2);
        assertThat(data.readCharSequence(2, StandardCharsets.UTF_8).toString()).isEqualTo("é");
        assertThat(data.readInt()).as("NULL").isEqualTo(-1);
        assertThat(data.readInt()).isEqualTo(1);
        assertThat(data.readByte()).isEqualTo((byte) 1);
        assertThat(data.readInt()).isEqualTo(8);
        assertThat(data.readLong()).as("microseconds since 2000-01-01").isEqualTo(1_000_002L);
        assertThat(data.readShort()).as("trailer").isEqualTo((short) -1);
        assertThat(data.isReadable()).isFalse();
    }

    @Test
    void rejectsWrongValueCount() {
        BinaryCopyRows incomplete = new BinaryCopyRows(2, 1).row().text("a");
        assertThatThrownBy(incomplete::row).hasMessage("A COPY row of 2 columns got 1 values");
        assertThatThrownBy(incomplete::finish).hasMessage("A COPY row of 2 columns got 1 values");

        BinaryCopyRows full = new BinaryCopyRows(1, 1).row().int8(7);
        assertThatThrownBy(() -> full.int8(8)).hasMessage("A COPY row of 1 columns got a value too many");
    }
}
