package io.fleetbench.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on the data folder, held for the life of one standalone fleet. Two fleets on one folder would
 * run two brokers on one Kafka log and stop each other's PostgreSQL, so the second one is rejected before it starts
 * anything. The operating system releases the lock when the process ends, even after a crash.
 */
final class DataDirectoryLock implements AutoCloseable {

    private static final String FILE_NAME = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirectoryLock acquire(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw inUse(dataDir);
            }
            return new DataDirectoryLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw inUse(dataDir);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Failed to lock the data folder through " + file, e);
        }
    }

    private static DataDirectoryInUseException inUse(Path dataDir) {
        return new DataDirectoryInUseException("Data folder " + dataDir + " is in use by another fleetbench run: stop that "
                + "run, or choose another folder with --data-dir");
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // The lock was not taken, so nothing depends on this channel.
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
