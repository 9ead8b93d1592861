package io.fleetbench.collector.publish;

import io.fleetbench.collector.spool.DiskSpool;
import io.fleetbench.collector.spool.SpooledRecord;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Sends spooled records to Kafka one at a time, oldest first, and removes each from the spool only after the broker
 * acknowledged it. While Kafka is away the oldest record stays in flight: the drainer keeps waiting on the same send
 * instead of sending the record again, so the idempotent producer's own retries deliver it once. Only a send that
 * failed for good (after the producer's {@code delivery.timeout.ms}) is sent again, after a bounded exponential
 * backoff.
 */
public class SpoolDrainer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SpoolDrainer.class);

    /** The shortest wait before sending again after a failed send. */
    static final Duration MIN_BACKOFF = Duration.ofMillis(200);

    /**
     * The maximum wait for a record while the spool is empty. Every append and stop() end the wait early, so an idle
     * agent wakes only when a collection appends a snapshot, at the latest after the resync interval.
     */
    static final Duration IDLE_WAIT = Duration.ofHours(1);

    private final DiskSpool spool;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Duration acknowledgementWait;
    private final Duration maxBackoff;
    private @Nullable Thread thread;
    private volatile boolean stopping;

    /**
     * @param kafka a template with a String key serializer and a byte-array value serializer
     * @param acknowledgementWait how long to wait for one acknowledgement before logging that Kafka is slow or away
     *     and waiting again
     * @param maxBackoff the longest wait between two sends of a record whose send failed
     */
    public SpoolDrainer(DiskSpool spool, KafkaTemplate<String, byte[]> kafka, Duration acknowledgementWait,
            Duration maxBackoff) {
        this.spool = spool;
        this.kafka = kafka;
        this.acknowledgementWait = acknowledgementWait;
        this.maxBackoff = maxBackoff;
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        stopping = false;
        Thread drainer = new Thread(this::drain, "spool-drainer");
        drainer.setDaemon(true);
        thread = drainer;
        drainer.start();
        log.info("Sending spooled records from {} to Kafka ({} pending)", spool.folder(), spool.pendingCount());
    }

    @Override
    public synchronized void stop() {
        Thread drainer = thread;
        if (drainer == null) {
            return;
        }
        stopping = true;
        drainer.interrupt();
        try {
            drainer.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
        log.info("Stopped sending spooled records; {} record(s) stay in {} for the next start", spool.pendingCount(),
                spool.folder());
    }

    @Override
    public synchronized boolean isRunning() {
        return thread != null;
    }

    /** Stops after the collection scheduler, which still appends while it stops. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }

    private void drain() {
        Duration backoff = MIN_BACKOFF;
        int failures = 0;
        while (!stopping) {
            try {
                Optional<SpooledRecord> next = spool.awaitOldest(IDLE_WAIT);
                if (next.isEmpty()) {
                    continue;
                }
                SpooledRecord record = next.get();
                if (send(record)) {
                    spool.acknowledge(record);
                    if (failures > 0) {
                        log.info("Kafka accepts records again after {} failed send(s); {} record(s) still spooled",
                                failures, spool.pendingCount());
                    }
                    failures = 0;
                    backoff = MIN_BACKOFF;
                } else {
                    failures++;
                    TimeUnit.MILLISECONDS.sleep(backoff.toMillis());
                    backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
                }
            } catch (InterruptedException e) {
                if (!stopping) {
                    log.warn("Spool drainer was interrupted; stopping it with {} record(s) spooled",
                            spool.pendingCount());
                }
                return;
            } catch (RuntimeException e) {
                log.error("Spool drainer failed; retrying in {}", maxBackoff, e);
                try {
                    TimeUnit.MILLISECONDS.sleep(maxBackoff.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** Sends one record and waits until the broker acknowledged it or the send failed for good. */
    private boolean send(SpooledRecord record) throws InterruptedException {
        CompletableFuture<SendResult<String, byte[]>> future;
        try {
            future = kafka.send(record.topic(), record.key(), record.value());
        } catch (KafkaException | org.springframework.kafka.KafkaException e) {
            log.warn("Failed to send spooled record {} (topic {}, key {}); it stays spooled ({} pending): {}",
                    record.index(), record.topic(), record.key(), spool.pendingCount(), e.getMessage());
            return false;
        }
        boolean waitLogged = false;
        while (true) {
            try {
                RecordMetadata metadata = future.get(acknowledgementWait.toMillis(), TimeUnit.MILLISECONDS)
                        .getRecordMetadata();
                log.debug("Sent spooled record {} (topic {}, key {}, {} bytes) to partition {} at offset {}",
                        record.index(), record.topic(), record.key(), record.value().length, metadata.partition(),
                        metadata.offset());
                return true;
            } catch (TimeoutException e) {
                if (!waitLogged) {
                    log.warn("Kafka has not acknowledged spooled record {} (topic {}, key {}) within {}; waiting for"
                                    + " the producer's retries while new records spool to disk ({} pending)",
                            record.index(), record.topic(), record.key(), acknowledgementWait, spool.pendingCount());
                    waitLogged = true;
                }
                if (stopping) {
                    throw new InterruptedException("stopping");
                }
            } catch (ExecutionException e) {
                // NOTE: a record that Kafka rejects for good (authorization, a topic limit) is retried forever and
                // holds back every record after it; the log line repeats with each attempt.
                log.warn("Kafka rejected spooled record {} (topic {}, key {}); sending it again: {}", record.index(),
                        record.topic(), record.key(), e.getCause() == null ? e.getMessage() : e.getCause().toString());
                return false;
            }
        }
    }
}
