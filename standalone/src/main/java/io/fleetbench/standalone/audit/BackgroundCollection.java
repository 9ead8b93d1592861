package io.fleetbench.standalone.audit;

import io.fleetbench.model.event.HostSnapshotCollected;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Collects the engine's snapshot on its own thread while the caller loads the rules, because both are mostly class
 * loading and start-up work that a second core can share. The thread is a daemon, so a command that stops early on
 * an invalid option does not wait for the engine.
 *
 * <p>Progress messages of the collection are held until the caller has checked its options and calls
 * {@link #release()}, so they appear in the same order as when the engine was read after the rules, and an option
 * error is not preceded by a line about a collection that the command then drops.
 */
final class BackgroundCollection {

    private final CompletableFuture<HostSnapshotCollected> snapshot = new CompletableFuture<>();

    private final Consumer<String> progress;

    private final List<String> heldMessages = new ArrayList<>();

    private boolean released;

    private boolean abandoned;

    private BackgroundCollection(Consumer<String> progress) {
        this.progress = progress;
    }

    /**
     * Starts {@code collect} on a new daemon thread. It receives a consumer for its progress messages, which reach
     * {@code progress} once {@link #release()} is called.
     */
    static BackgroundCollection start(Function<Consumer<String>, HostSnapshotCollected> collect,
            Consumer<String> progress) {
        BackgroundCollection collection = new BackgroundCollection(progress);
        Thread thread = new Thread(() -> {
            try {
                collection.snapshot.complete(collect.apply(collection::report));
            } catch (Throwable e) {
                collection.snapshot.completeExceptionally(e);
            }
        }, "fleetbench-audit-collector");
        thread.setDaemon(true);
        thread.start();
        return collection;
    }

    /** Passes on the progress messages held so far, and every later one as it arrives. */
    synchronized void release() {
        released = true;
        heldMessages.forEach(progress);
        heldMessages.clear();
    }

    /** Drops the held progress messages and every later one, for a command that ends without the snapshot. */
    synchronized void abandon() {
        abandoned = true;
        heldMessages.clear();
    }

    private synchronized void report(String message) {
        if (released) {
            progress.accept(message);
        } else if (!abandoned) {
            heldMessages.add(message);
        }
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
