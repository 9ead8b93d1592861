package io.fleetbench.report.ingest;

import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.event.InvalidEventException;
import io.fleetbench.report.ReportProperties;
import io.fleetbench.report.store.ApplyOutcome;
import io.fleetbench.report.store.ReportStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Decodes one audit report record and applies it to the store before the binder commits its offset.
 *
 * <p>Every exception reaches the binder. An {@link io.fleetbench.model.event.InvalidEventException} sends the
 * record to the dead-letter topic at once, and any other error (the database is down, the transaction timed out)
 * is retried first.
 */
@Component
class FindingsIngestor {

    private static final Logger log = LoggerFactory.getLogger(FindingsIngestor.class);

    private final ReportStore store;
    private final Duration ingestTimeout;

    FindingsIngestor(ReportStore store, ReportProperties properties) {
        this.store = store;
        this.ingestTimeout = properties.ingestTimeout();
    }

    void ingest(Message<byte[]> record) {
        HostFindingsEvaluated report;
        CompletableFuture<ApplyOutcome> transaction;
        try {
            report = EventCodec.decodeFindings(record.getPayload());
            requireHostKey(record, report);
            transaction = store.apply(report).toFuture();
        } catch (InvalidEventException e) {
            // The binder dead-letters the record and logs a generic retry error, so this line names the record.
            log.warn("Rejected record at {}-{} offset {} with key {} to the dead-letter topic: {}",
                    record.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC),
                    record.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION),
                    record.getHeaders().get(KafkaHeaders.OFFSET), receivedKey(record), e.getMessage());
            throw e;
        }
        long started = System.nanoTime();

        ApplyOutcome outcome = awaitOutcome(report, transaction);
        if (outcome == null) {
            throw new IllegalStateException("Applying report " + report.eventId() + " for host " + report.hostId()
                    + " completed without an outcome");
        }

        long elapsedMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        if (!outcome.applied()) {
            log.info("Skipped report {} for host {}: snapshot sequence {} is not newer than the applied sequence {}",
                    report.eventId(), report.hostId(), report.snapshotSequence(), outcome.previousSequence());
        } else if (outcome.hasTransitions()) {
            log.info("Applied report {} for host {} at snapshot sequence {}: {} opened, {} changed, {} resolved"
                    + " in {} ms",
                    report.eventId(), report.hostId(), report.snapshotSequence(), outcome.opened(),
                    outcome.statusChanged(), outcome.resolved(), elapsedMillis);
        } else {
            log.debug("Applied report {} for host {} at snapshot sequence {} without transitions in {} ms",
                    report.eventId(), report.hostId(), report.snapshotSequence(), elapsedMillis);
        }
    }

    /**
     * Rejects a report whose record key is not its host id. Kafka keeps the records of one key in order in one
     * partition, so a report under another key may overtake or trail the host's other reports.
     */
    private static void requireHostKey(Message<byte[]> record, HostFindingsEvaluated report) {
        String key = receivedKey(record);
        if (!report.hostId().equals(key)) {
            throw new InvalidEventException("Report " + report.eventId() + " for host " + report.hostId()
                    + " arrived with record key " + (key == null ? "(none)" : "'" + abbreviate(key) + "'")
                    + ". Key audit reports by their host id, so that each host's reports stay in order");
        }
    }

    private static @Nullable String receivedKey(Message<byte[]> record) {
        Object received = record.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
        if (received instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return received == null ? null : received.toString();
    }

    private static String abbreviate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "…";
    }

    /**
     * Waits for the report's transaction on the binder's Kafka consumer thread. That thread is never a Netty event
     * loop, so blocking it is safe. Waiting is required because the binder commits the offset, retries or
     * dead-letters the record only after the consumer returns or throws.
     *
     * <p>A timeout does not cancel the transaction, because jOOQ's issue tracker reports that cancelling an R2DBC query
     * in flight can leave a pooled connection stalled. That report was made against jOOQ 3.21.6, and this service uses
     * Boot's 3.19.x. If the transaction commits after the timeout, the binder's retry finds the sequence applied and
     * skips it.
     */
    private @Nullable ApplyOutcome awaitOutcome(
            HostFindingsEvaluated report, CompletableFuture<ApplyOutcome> transaction) {
        try {
            return transaction.get(ingestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Applying report " + report.eventId() + " for host " + report.hostId()
                    + " timed out after " + ingestTimeout + ". The binder retries it. Check the database, or raise"
                    + " fleetbench.report.ingest-timeout for very large reports", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while applying report " + report.eventId() + " for host "
                    + report.hostId(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("Applying report " + report.eventId() + " for host " + report.hostId()
                    + " failed", e.getCause());
        }
    }
}
