package io.fleetbench.collector;

import io.fleetbench.collector.engine.EngineUnreachableException;
import io.fleetbench.collector.publish.SnapshotPublisher;
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
 * Collects and publishes a snapshot when the application starts and then after every resync interval, on one
 * thread. A failed collection or send is logged and retried at the next interval, so the agent keeps running
 * while the engine or Kafka is down.
 */
public class CollectionScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CollectionScheduler.class);

    static final String STARTUP_TRIGGER = "startup";
    static final String INTERVAL_TRIGGER = "interval";

    /** The maximum wait at shutdown for a running collection to finish before it is interrupted. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final CollectionService collectionService;
    private final SnapshotPublisher publisher;
    private final Duration interval;
    private @Nullable ScheduledExecutorService executor;
    private volatile boolean stopping;
    private boolean firstRunDone;
    private int consecutiveFailures;

    public CollectionScheduler(CollectionService collectionService, SnapshotPublisher publisher, Duration interval) {
        this.collectionService = collectionService;
        this.publisher = publisher;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        stopping = false;
        // A non-daemon thread, because it is the only thing that keeps an agent without a web server running.
        executor = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "snapshot-collector"));
        executor.scheduleWithFixedDelay(this::runScheduled, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Collecting snapshots now and every {}", interval);
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        stopping = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("Snapshot collection did not finish within {}; interrupting it", STOP_TIMEOUT);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        executor = null;
        log.info("Stopped collecting snapshots");
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    private void runScheduled() {
        String trigger = firstRunDone ? INTERVAL_TRIGGER : STARTUP_TRIGGER;
        firstRunDone = true;
        collectAndPublish(trigger);
    }

    /**
     * Collects and publishes one snapshot. It logs every runtime exception instead of throwing it, because an
     * exception thrown from a scheduled run would cancel the schedule.
     *
     * @return whether the snapshot was published and acknowledged
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
                log.warn("{}; failed {} time(s) in a row, retrying in {}", e.getMessage(), consecutiveFailures,
                        interval);
                return false;
            }
            log.error("Snapshot collection ({}) failed {} time(s) in a row, retrying in {}", trigger,
                    consecutiveFailures, interval, e);
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
