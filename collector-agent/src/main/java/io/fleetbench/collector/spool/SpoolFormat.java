package io.fleetbench.collector.spool;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * The byte layout of one spool record: a 4-byte body length, the 4-byte CRC-32C of the body, then the body. The
 * body is the 8-byte record index, the topic and the key (each a 2-byte length and UTF-8 bytes) and the value. All
 * numbers are big-endian.
 */
final class SpoolFormat {

    /** Bytes before the body: its length and its checksum. */
    static final int HEADER_BYTES = 8;

    private SpoolFormat() {
    }

    static ByteBuffer encode(long index, String topic, String key, byte[] value) {
        byte[] topicBytes = shortString(topic, "topic");
        byte[] keyBytes = shortString(key, "key");
        int bodyLength = Long.BYTES + 2 + topicBytes.length + 2 + keyBytes.length + value.length;
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + bodyLength);
        buffer.putInt(bodyLength);
        buffer.putInt(0);
        buffer.putLong(index);
        buffer.putShort((short) topicBytes.length).put(topicBytes);
        buffer.putShort((short) keyBytes.length).put(keyBytes);
        buffer.put(value);
        buffer.putInt(4, checksum(buffer.array(), HEADER_BYTES, bodyLength));
        buffer.flip();
        return buffer;
    }

    /** Decodes a body whose checksum was already verified, or returns {@code null} where its lengths do not fit. */
    static @Nullable SpooledRecord decodeBody(byte[] body) {
        ByteBuffer buffer = ByteBuffer.wrap(body);
        if (buffer.remaining() < Long.BYTES + 4) {
            return null;
        }
        long index = buffer.getLong();
        String topic = readShortString(buffer);
        if (topic == null || buffer.remaining() < 2) {
            return null;
        }
        String key = readShortString(buffer);
        if (key == null) {
            return null;
        }
        byte[] value = new byte[buffer.remaining()];
        buffer.get(value);
        return new SpooledRecord(index, topic, key, value);
    }

    static int checksum(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    private static byte[] shortString(String text, String what) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > Short.MAX_VALUE) {
            throw new IllegalArgumentException("Spool record " + what + " has " + bytes.length
                    + " bytes, more than the maximum of " + Short.MAX_VALUE);
        }
        return bytes;
    }

    private static @Nullable String readShortString(ByteBuffer buffer) {
        int length = buffer.getShort();
        if (length < 0 || length > buffer.remaining()) {
            return null;
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
