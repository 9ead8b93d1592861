package io.fleetbench.collector;

import io.fleetbench.collector.engine.EngineUnreachableException;
import io.fleetbench.collector.publish.RecordPublisher;
import io.fleetbench.model.event.HostSnapshotCollected;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Collects and publishes snapshots on one thread: once at start, after every resync interval, and shortly after
 * each engine event. Events that arrive within the debounce delay of each other give one snapshot, whose trigger
 * names the latest of them, so at most one collection runs and one waits. A failed collection is logged and
 * retried at the next event or interval, so the agent keeps running while the engine is down.
 */
public class CollectionScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CollectionScheduler.class);

    static final String STARTUP_TRIGGER = "startup";
    static final String RESYNC_TRIGGER = "resync";

    /** The maximum wait at shutdown for a running collection to finish before it is interrupted. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final CollectionService collectionService;
    private final RecordPublisher publisher;
    private final Duration interval;
    private final Duration debounce;
    private @Nullable ScheduledExecutorService executor;
    private volatile boolean stopping;
    private @Nullable String pendingTrigger;
    private int consecutiveFailures;

    /**
     * @param interval the time between two resync snapshots
     * @param debounce the wait after an event for more events before collecting
     */
    public CollectionScheduler(CollectionService collectionService, RecordPublisher publisher, Duration interval,
            Duration debounce) {
        this.collectionService = collectionService;
        this.publisher = publisher;
        this.interval = interval;
        this.debounce = debounce;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        stopping = false;
        // A non-daemon thread, because it is the only thing that keeps an agent without a web server running.
        ScheduledExecutorService started =
                Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "snapshot-collector"));
        executor = started;
        started.execute(() -> collectAndPublish(STARTUP_TRIGGER));
        started.scheduleWithFixedDelay(() -> collectAndPublish(RESYNC_TRIGGER), interval.toMillis(),
                interval.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Collecting snapshots now, {} after each engine event and every {}", debounce, interval);
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService running = executor;
        if (running == null) {
            return;
        }
        stopping = true;
        running.shutdown();
        try {
            if (!running.awaitTermination(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("Snapshot collection did not finish within {}; interrupting it", STOP_TIMEOUT);
                running.shutdownNow();
            }
        } catch (InterruptedException e) {
            running.shutdownNow();
            Thread.currentThread().interrupt();
        }
        executor = null;
        log.info("Stopped collecting snapshots");
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /**
     * Requests a snapshot after the debounce delay. A request that arrives while another is waiting replaces its
     * trigger instead of adding a collection.
     */
    public synchronized void requestCollection(String trigger) {
        ScheduledExecutorService running = executor;
        if (running == null || stopping) {
            return;
        }
        boolean alreadyWaiting = pendingTrigger != null;
        pendingTrigger = trigger;
        if (!alreadyWaiting) {
            running.schedule(this::runPending, debounce.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void runPending() {
        String trigger;
        synchronized (this) {
            trigger = pendingTrigger;
            pendingTrigger = null;
        }
        if (trigger != null) {
            collectAndPublish(trigger);
        }
    }

    /**
     * Collects and spools one snapshot. It logs every runtime exception instead of throwing it, because an
     * exception thrown from a scheduled run would cancel the schedule.
     *
     * @return whether the snapshot was spooled for sending
     */
    public boolean collectAndPublish(String trigger) {
        try {
            HostSnapshotCollected snapshot = collectionService.collect(trigger);
            boolean published = publisher.publish(snapshot);
            recordOutcome(published);
            return published;
        } catch (RuntimeException e) {
            if (stopping) {
                log.info("Snapshot collection ({}) was interrupted by shutdown", trigger);
                return false;
            }
            recordOutcome(false);
            if (e instanceof EngineUnreachableException) {
                log.warn("{}; failed {} time(s) in a row, retrying at the next engine event or in {}", e.getMessage(),
                        consecutiveFailures, interval);
                return false;
            }
            log.error("Snapshot collection ({}) failed {} time(s) in a row, retrying at the next engine event or in"
                    + " {}", trigger, consecutiveFailures, interval, e);
            return false;
        }
    }

    private synchronized void recordOutcome(boolean success) {
        if (success && consecutiveFailures > 0) {
            log.info("Snapshot collection recovered after {} failure(s)", consecutiveFailures);
        }
        consecutiveFailures = success ? 0 : consecutiveFailures + 1;
    }
}
