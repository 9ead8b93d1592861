package io.fleetbench.collector.spool;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded, append-only queue of records on disk that keeps them across agent restarts until Kafka has
 * acknowledged them. Records live in segment files named by the index of their first record; each record has a
 * length and a CRC-32C ({@link SpoolFormat}). The index of the last acknowledged record is kept in the file
 * {@value #DELIVERED_FILE}, and a segment is deleted once all its records are acknowledged.
 *
 * <p>Durability: {@link #append} forces the record to disk ({@code fsync}) before it returns, and every
 * acknowledgement rewrites {@value #DELIVERED_FILE} atomically with an {@code fsync}. A crash after Kafka's
 * acknowledgement but before that write sends the record once more after the restart, so consumers may see a
 * record twice after a crash (never after a broker outage alone), and drop it by its event id.
 *
 * <p>When a new record does not fit under the maximum size, it is dropped, counted and logged; records already in
 * the spool are never dropped. A torn record at the end of the last segment, as a crash during a write leaves it,
 * is cut off at startup.
 */
public final class DiskSpool implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(DiskSpool.class);

    static final String SEGMENT_PREFIX = "segment-";
    static final String SEGMENT_SUFFIX = ".log";
    static final String DELIVERED_FILE = "delivered";

    /** Log a dropped record at the first drop and then at every this many drops, so a full spool cannot flood logs. */
    private static final int DROP_LOG_EVERY = 100;

    private final Path folder;
    private final long maxBytes;
    private final long segmentBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition recordAppended = lock.newCondition();

    /** Pending records, oldest first, with their places on disk. */
    private final Deque<Position> pending = new ArrayDeque<>();
    /** Segment files by the index of their first record. */
    private final TreeMap<Long, Path> segments = new TreeMap<>();
    private long bytesOnDisk;
    private long nextIndex;
    private long deliveredIndex;
    private long droppedRecords;
    private @Nullable FileChannel writer;
    private long writerFirstIndex;
    private boolean closed;

    private record Position(long index, Path segment, long offset, int length) {
    }

    private DiskSpool(Path folder, long maxBytes, long segmentBytes) {
        this.folder = folder;
        this.maxBytes = maxBytes;
        this.segmentBytes = segmentBytes;
    }

    /**
     * Opens the spool in {@code folder}, creating it where it does not exist, and loads the records that were not
     * acknowledged before the last stop.
     *
     * @param maxBytes the maximum size of all segment files together
     * @throws UncheckedIOException where the folder cannot be created or read
     */
    public static DiskSpool open(Path folder, long maxBytes) {
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("Spool maximum size " + maxBytes + " bytes is invalid: give 1KB or more");
        }
        // A segment is a quarter of the maximum, at most 16 MiB, so deleting delivered segments frees space early.
        DiskSpool spool = new DiskSpool(folder, maxBytes, Math.min(16L * 1024 * 1024, maxBytes / 4));
        try {
            Files.createDirectories(folder);
            spool.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to open the spool in " + folder
                    + ": make the state folder writable for the agent's user", e);
        }
        return spool;
    }

    /**
     * Appends a record and forces it to disk. Returns {@code false}, after counting and logging the drop, where the
     * record does not fit under the maximum size or the write fails.
     */
    public boolean append(String topic, String key, byte[] value) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("Spool in " + folder + " is closed");
            }
            ByteBuffer encoded = SpoolFormat.encode(nextIndex, topic, key, value);
            int length = encoded.remaining();
            if (bytesOnDisk + length > maxBytes) {
                recordDrop(topic, key, length, "the spool is full");
                return false;
            }
            try {
                FileChannel channel = writerFor(length);
                long offset = channel.position();
                while (encoded.hasRemaining()) {
                    channel.write(encoded);
                }
                channel.force(false);
                pending.addLast(new Position(nextIndex, segments.get(writerFirstIndex), offset, length));
            } catch (IOException e) {
                log.error("Failed to write record {} for topic {} and key {} to the spool in {}", nextIndex, topic, key,
                        folder, e);
                recordDrop(topic, key, length, "the write failed");
                return false;
            }
            bytesOnDisk += length;
            nextIndex++;
            recordAppended.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Returns the oldest record not yet acknowledged, waiting up to {@code timeout} for one to arrive. */
    public Optional<SpooledRecord> awaitOldest(Duration timeout) throws InterruptedException {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (pending.isEmpty() && !closed && remaining > 0) {
                remaining = recordAppended.awaitNanos(remaining);
            }
            if (pending.isEmpty() || closed) {
                return Optional.empty();
            }
            return Optional.of(read(pending.peekFirst()));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Marks the oldest record as delivered, after Kafka acknowledged it, and deletes its segment where nothing in it
     * is pending any more.
     *
     * @throws IllegalStateException where {@code record} is not the oldest pending record
     */
    public void acknowledge(SpooledRecord record) {
        lock.lock();
        try {
            Position oldest = pending.peekFirst();
            if (oldest == null || oldest.index() != record.index()) {
                throw new IllegalStateException("Spool record " + record.index() + " is not the oldest pending one ("
                        + (oldest == null ? "none" : oldest.index()) + "); acknowledge records in order");
            }
            writeDelivered(record.index());
            pending.removeFirst();
            deliveredIndex = record.index();
            deleteDeliveredSegments();
        } finally {
            lock.unlock();
        }
    }

    /** Returns the number of records not yet acknowledged. */
    public int pendingCount() {
        lock.lock();
        try {
            return pending.size();
        } finally {
            lock.unlock();
        }
    }

    /** Returns the number of records dropped since the spool was opened, because it was full or a write failed. */
    public long droppedCount() {
        lock.lock();
        try {
            return droppedRecords;
        } finally {
            lock.unlock();
        }
    }

    /** Returns the size of the segment files on disk, in bytes. */
    public long sizeBytes() {
        lock.lock();
        try {
            return bytesOnDisk;
        } finally {
            lock.unlock();
        }
    }

    /** Returns the spool's folder. */
    public Path folder() {
        return folder;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            recordAppended.signalAll();
            closeWriter();
        } finally {
            lock.unlock();
        }
    }

    private void recordDrop(String topic, String key, int length, String reason) {
        droppedRecords++;
        if (droppedRecords == 1 || droppedRecords % DROP_LOG_EVERY == 0) {
            log.warn("Dropped a record of {} bytes for topic {} and key {} because {} ({} of at most {} bytes used);"
                            + " {} record(s) dropped since start. Raise fleetbench.collector.spool-max-size or bring"
                            + " Kafka back", length, topic, key, reason, bytesOnDisk, maxBytes, droppedRecords);
        }
    }

    private FileChannel writerFor(int length) throws IOException {
        FileChannel channel = writer;
        if (channel != null && channel.position() > 0 && channel.position() + length > segmentBytes) {
            closeWriter();
            channel = null;
        }
        if (channel == null) {
            Path segment = folder.resolve(segmentName(nextIndex));
            channel = FileChannel.open(segment, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            segments.put(nextIndex, segment);
            writerFirstIndex = nextIndex;
            writer = channel;
        }
        return channel;
    }

    private void closeWriter() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                log.warn("Failed to close spool segment in {}", folder, e);
            }
            writer = null;
        }
    }

    private SpooledRecord read(Position position) {
        ByteBuffer buffer = ByteBuffer.allocate(position.length());
        try (FileChannel channel = FileChannel.open(position.segment(), StandardOpenOption.READ)) {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, position.offset() + buffer.position()) < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read spool record " + position.index() + " from "
                    + position.segment(), e);
        }
        SpooledRecord record = verify(buffer.array());
        if (record == null || record.index() != position.index()) {
            throw new IllegalStateException("Spool record " + position.index() + " in " + position.segment()
                    + " changed on disk after it was written; stop the agent and remove the file");
        }
        return record;
    }

    /** Returns the record in {@code bytes} (header and body), or {@code null} where its checksum does not match. */
    private static @Nullable SpooledRecord verify(byte[] bytes) {
        if (bytes.length < SpoolFormat.HEADER_BYTES) {
            return null;
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, 0, SpoolFormat.HEADER_BYTES);
        int bodyLength = header.getInt();
        int checksum = header.getInt();
        if (bodyLength != bytes.length - SpoolFormat.HEADER_BYTES
                || SpoolFormat.checksum(bytes, SpoolFormat.HEADER_BYTES, bodyLength) != checksum) {
            return null;
        }
        byte[] body = new byte[bodyLength];
        System.arraycopy(bytes, SpoolFormat.HEADER_BYTES, body, 0, bodyLength);
        return SpoolFormat.decodeBody(body);
    }

    private void load() throws IOException {
        deliveredIndex = readDelivered();
        nextIndex = deliveredIndex + 1;
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(file -> file.getFileName().toString().startsWith(SEGMENT_PREFIX)
                    && file.getFileName().toString().endsWith(SEGMENT_SUFFIX)).sorted().toList();
        }
        for (Path segment : files) {
            loadSegment(segment, segment.equals(files.get(files.size() - 1)));
        }
        deleteDeliveredSegments();
        if (!pending.isEmpty()) {
            log.info("Spool in {} contains {} record(s) from before the restart ({} bytes); sending them first", folder,
                    pending.size(), bytesOnDisk);
        }
    }

    private void loadSegment(Path segment, boolean last) throws IOException {
        long firstIndex = Long.parseLong(segment.getFileName().toString()
                .substring(SEGMENT_PREFIX.length(), segment.getFileName().toString().length() - SEGMENT_SUFFIX.length()));
        segments.put(firstIndex, segment);
        byte[] content = Files.readAllBytes(segment);
        int offset = 0;
        List<Position> found = new ArrayList<>();
        while (offset + SpoolFormat.HEADER_BYTES <= content.length) {
            int bodyLength = ByteBuffer.wrap(content, offset, 4).getInt();
            int end = offset + SpoolFormat.HEADER_BYTES + bodyLength;
            if (bodyLength < 0 || end > content.length) {
                break;
            }
            byte[] bytes = new byte[end - offset];
            System.arraycopy(content, offset, bytes, 0, bytes.length);
            SpooledRecord record = verify(bytes);
            if (record == null) {
                break;
            }
            found.add(new Position(record.index(), segment, offset, bytes.length));
            nextIndex = Math.max(nextIndex, record.index() + 1);
            offset = end;
        }
        if (offset < content.length) {
            if (last) {
                log.warn("Spool segment {} ends with {} byte(s) of a torn record, as a crash during a write leaves"
                        + " them; cutting them off", segment, content.length - offset);
                try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
                    channel.truncate(offset);
                    channel.force(true);
                }
            } else {
                log.error("Spool segment {} has a damaged record at byte {}; the {} byte(s) after it are skipped",
                        segment, offset, content.length - offset);
            }
        }
        // A damaged middle segment keeps its full size on disk until it is deleted.
        bytesOnDisk += last ? offset : content.length;
        for (Position position : found) {
            if (position.index() > deliveredIndex) {
                pending.addLast(position);
            }
        }
    }

    private void deleteDeliveredSegments() {
        while (!segments.isEmpty()) {
            var first = segments.firstEntry();
            boolean writing = writer != null && first.getKey() == writerFirstIndex;
            Long nextFirst = segments.higherKey(first.getKey());
            boolean delivered = nextFirst != null ? nextFirst - 1 <= deliveredIndex
                    : pending.isEmpty() && !writing;
            if (!delivered || writing) {
                return;
            }
            try {
                long size = Files.size(first.getValue());
                Files.delete(first.getValue());
                bytesOnDisk -= size;
                segments.pollFirstEntry();
            } catch (IOException e) {
                log.warn("Failed to delete delivered spool segment {}; retrying after the next acknowledgement",
                        first.getValue(), e);
                return;
            }
        }
    }

    private long readDelivered() throws IOException {
        Path file = folder.resolve(DELIVERED_FILE);
        if (!Files.exists(file)) {
            return 0;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Spool file " + file + " contains '" + text + "', not a record index:"
                    + " write the index of the last delivered record into it, or 0 to send every spooled record", e);
        }
    }

    private void writeDelivered(long index) {
        Path file = folder.resolve(DELIVERED_FILE);
        try {
            Path temporary = Files.createTempFile(folder, DELIVERED_FILE, ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                    channel.write(ByteBuffer.wrap((index + "\n").getBytes(StandardCharsets.UTF_8)));
                    channel.force(true);
                }
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to record delivery of spool record " + index + " in " + file, e);
        }
    }

    static String segmentName(long firstIndex) {
        return SEGMENT_PREFIX + String.format("%020d", firstIndex) + SEGMENT_SUFFIX;
    }
}
