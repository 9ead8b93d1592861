package io.fleetbench.report.store;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * Rows of one table in PostgreSQL's binary {@code COPY} format: a signature and header, then per row the number of
 * columns and each value as its length and bytes, then a trailer. The server stores binary values as they come,
 * without parsing text, so this is the cheapest way to insert many rows.
 *
 * <p>Each row must add exactly {@code columns} values, in the order of the {@code COPY} statement's column list.
 */
final class BinaryCopyRows {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

    /** Microseconds between the Unix epoch and PostgreSQL's, 2000-01-01T00:00:00Z. */
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

    private final ByteBuf buffer;
    private final int columns;
    private int valuesInRow;

    BinaryCopyRows(int columns, int expectedRows) {
        this.columns = columns;
        this.buffer = Unpooled.buffer(SIGNATURE.length + 10 + expectedRows * columns * 24);
        buffer.writeBytes(SIGNATURE);
        buffer.writeInt(0);
        buffer.writeInt(0);
        this.valuesInRow = columns;
    }

    /** Starts the next row. */
    BinaryCopyRows row() {
        requireCompleteRow();
        buffer.writeShort(columns);
        valuesInRow = 0;
        return this;
    }

    /** Adds a {@code text} or {@code varchar} value, or NULL. */
    BinaryCopyRows text(@Nullable String value) {
        count();
        if (value == null) {
            buffer.writeInt(-1);
            return this;
        }
        int lengthAt = buffer.writerIndex();
        buffer.writeInt(0);
        int length = buffer.writeCharSequence(value, StandardCharsets.UTF_8);
        buffer.setInt(lengthAt, length);
        return this;
    }

    /** Adds a {@code boolean} value. */
    BinaryCopyRows bool(boolean value) {
        count();
        buffer.writeInt(1);
        buffer.writeByte(value ? 1 : 0);
        return this;
    }

    /** Adds a {@code bigint} value. */
    BinaryCopyRows int8(long value) {
        count();
        buffer.writeInt(8);
        buffer.writeLong(value);
        return this;
    }

    /** Adds a {@code timestamp with time zone} value, which PostgreSQL keeps in microseconds. */
    BinaryCopyRows timestamptz(OffsetDateTime value) {
        count();
        long micros = Math.addExact(Math.multiplyExact(value.toEpochSecond(), 1_000_000L), value.getNano() / 1_000L);
        buffer.writeInt(8);
        buffer.writeLong(micros - POSTGRES_EPOCH_MICROS);
        return this;
    }

    /** Ends the data and returns it; the caller owns the buffer from here on. */
    ByteBuf finish() {
        requireCompleteRow();
        buffer.writeShort(-1);
        return buffer;
    }

    private void count() {
        if (valuesInRow >= columns) {
            throw new IllegalStateException("A COPY row of " + columns + " columns got a value too many");
        }
        valuesInRow++;
    }

    private void requireCompleteRow() {
        if (valuesInRow != columns) {
            throw new IllegalStateException("A COPY row of " + columns + " columns got " + valuesInRow + " values");
        }
    }
}
