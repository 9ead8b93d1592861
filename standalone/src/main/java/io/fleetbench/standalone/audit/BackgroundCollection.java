package io.fleetbench.standalone.audit;

import io.fleetbench.model.event.HostSnapshotCollected;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Collects the engine's snapshot on its own thread while the caller loads the rules, because both are mostly class
 * loading and start-up work that a second core can share. The thread is a daemon, so a command that stops early on
 * an invalid option does not wait for the engine.
 */
final class BackgroundCollection {

    private final CompletableFuture<HostSnapshotCollected> snapshot = new CompletableFuture<>();

    private BackgroundCollection() {
    }

    /** Starts {@code collector} on a new daemon thread, passing its progress messages to {@code progress}. */
    static BackgroundCollection start(LocalCollector collector, Consumer<String> progress) {
        BackgroundCollection collection = new BackgroundCollection();
        Thread thread = new Thread(() -> {
            try {
                collection.snapshot.complete(collector.collect(progress));
            } catch (Throwable e) {
                collection.snapshot.completeExceptionally(e);
            }
        }, "fleetbench-audit-collector");
        thread.setDaemon(true);
        thread.start();
        return collection;
    }

    /**
     * Waits for the snapshot and returns it, or throws what the collection threw: {@link EngineUnavailableException},
     * a docker-java {@link com.github.dockerjava.api.exception.DockerException} or another runtime exception.
     */
    HostSnapshotCollected await() {
        try {
            return snapshot.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Collecting the engine's snapshot failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the engine's snapshot", e);
        }
    }
}
